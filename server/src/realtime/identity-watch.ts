import type { ChangeDoc } from "../core/change-stream.js";

/** What a live socket was authenticated with (the parts that can end). */
export interface SocketIdentity {
  sessionId?: string;
  apiTokenId?: string;
  /** Access tokens only: the token's `exp`, epoch ms. */
  expiresAtMs?: number;
}

export type IdentityEnd = "expired" | "signedOut" | "revoked";

export const SESSIONS_COLLECTION = "sessions";
export const API_TOKENS_COLLECTION = "api_tokens";

/** setTimeout's largest delay; a later expiry is re-armed when this fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Expiry<S> {
  at: number;
  socket: S;
}

/**
 * Ends live sockets whose identity ended after they connected: the access token expired, its
 * session was deleted (signOut, or the store's TTL), or the API token was revoked.
 *
 * Nothing per socket on the hot path: one Map entry per socket, one min-heap of expiry times for
 * the whole process with a single timer armed for the earliest, and revocations arrive on the
 * process's one change stream (`sessions` deletes, `api_tokens` revocations), found by a scan of
 * the map. Revocations are rare (a sign-out, a revoked token), so the scan beats an index per
 * session and per token in memory.
 */
export class IdentityWatch<S extends object> {
  private readonly sockets = new Map<S, SocketIdentity>();
  private readonly heap: Expiry<S>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(private readonly end: (socket: S, why: IdentityEnd) => void) {}

  get size(): number {
    return this.sockets.size;
  }

  add(socket: S, identity: SocketIdentity): void {
    this.sockets.set(socket, identity);
    const at = identity.expiresAtMs;
    if (at === undefined) return;
    if (at <= Date.now()) {
      this.drop(socket, "expired");
      return;
    }
    this.push({ at, socket });
    if (at < this.timerAt) this.arm();
  }

  /**
   * The socket closed. Its heap entry goes lazily (skipped when it comes up), or when dead entries
   * outnumber live ones, so churn cannot keep closed sockets reachable until their token expires.
   */
  remove(socket: S): void {
    if (!this.sockets.delete(socket)) return;
    if (this.heap.length > 64 && this.heap.length > 2 * this.sockets.size) this.compact();
  }

  /** A change on `sessions` or `api_tokens` from the change feed. */
  onChange(coll: string, change: ChangeDoc): void {
    if (!("documentKey" in change)) return;
    const id = String((change.documentKey as { _id: unknown })._id);
    if (coll === SESSIONS_COLLECTION) {
      if (change.operationType === "delete") this.endWhere((i) => i.sessionId === id, "signedOut");
      return;
    }
    if (coll !== API_TOKENS_COLLECTION) return;
    const revoked =
      change.operationType === "delete" ||
      (change.operationType === "update" && change.updateDescription.updatedFields?.revokedAt != null) ||
      (change.operationType === "replace" && change.fullDocument?.revokedAt != null);
    if (revoked) this.endWhere((i) => i.apiTokenId === id, "revoked");
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    this.heap.length = 0;
    this.sockets.clear();
  }

  private endWhere(match: (i: SocketIdentity) => boolean, why: IdentityEnd): void {
    for (const [socket, identity] of this.sockets) if (match(identity)) this.drop(socket, why);
  }

  private drop(socket: S, why: IdentityEnd): void {
    this.sockets.delete(socket);
    this.end(socket, why);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    const next = this.heap[0];
    if (!next) return;
    this.timerAt = next.at;
    this.timer = setTimeout(() => this.expire(), Math.min(Math.max(0, next.at - Date.now()), MAX_TIMER_MS));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = null;
    const now = Date.now();
    for (let top = this.heap[0]; top && top.at <= now; top = this.heap[0]) {
      this.pop();
      const identity = this.sockets.get(top.socket);
      // Skip sockets that closed (or reconnected with another token on the same object).
      if (identity?.expiresAtMs === top.at) this.drop(top.socket, "expired");
    }
    this.arm();
  }

  private compact(): void {
    const live = this.heap.filter((e) => this.sockets.get(e.socket)?.expiresAtMs === e.at);
    live.sort((a, b) => a.at - b.at); // a sorted array is a valid min-heap
    this.heap.splice(0, this.heap.length, ...live);
    this.arm();
  }

  private push(e: Expiry<S>): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as Expiry<S>).at <= e.at) break;
      h[i] = h[parent] as Expiry<S>;
      h[parent] = e;
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as Expiry<S>).at < (h[m] as Expiry<S>).at) m = l;
      if (r < h.length && (h[r] as Expiry<S>).at < (h[m] as Expiry<S>).at) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Expiry<S>, h[i] as Expiry<S>];
      i = m;
    }
  }
}
