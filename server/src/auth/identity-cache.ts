import type { ChangeDoc } from "../core/change-stream.js";
import type { Identity } from "../core/context.js";

/** A verified token: who it is, and the user fields the context's viewer carries. */
export interface CachedViewer {
  identity: Identity;
  name: string;
  email: string;
}

interface Entry {
  viewer: CachedViewer;
  /** Epoch ms after which the entry is not used (the TTL, or the token's own expiry if sooner). */
  until: number;
}

/** Long enough to take the session and user reads off nearly every request of an active client. */
export const IDENTITY_TTL_MS = 30_000;
/** Bounds memory (a token string and a small object each: ~0.5 KB) when many clients are active. */
export const IDENTITY_MAX_ENTRIES = 5_000;

/**
 * Verified identities per presented token, so an authenticated request does not read its session
 * and its user again (2 of the 8 store commands of `addNote`; ~1.4 ms of CPU per request).
 *
 * Safe only while every way an identity can end reaches it:
 * - in this process, `signOut`, API-token revocation and user changes call `forget*` before they
 *   return, so the next request of that token is checked against the store again;
 * - from other processes, the same ends arrive on this process's one change stream (the realtime
 *   hub's feed), which calls `onChange`. Until that feed is wired (`follow()`), the cache stays off
 *   and every request reads the store as before: a cache nobody can invalidate across processes
 *   would let a token signed out elsewhere work for up to the TTL.
 * When the feed drops (store restart), the hub reopens it with its resume token, so no end is lost;
 * `clear()` is there for a feed that had to start fresh.
 */
export class IdentityCache {
  private readonly entries = new Map<string, Entry>();
  private followed = false;
  /**
   * Bumped by every forget: an identity verified from store reads that began before a sign-out
   * must not be cached after it (the read may have seen the session still there).
   */
  private epoch = 0;

  constructor(
    private readonly ttlMs = IDENTITY_TTL_MS,
    private readonly maxEntries = IDENTITY_MAX_ENTRIES,
  ) {}

  /** True once a change feed delivers credential and user changes to `onChange`. */
  get enabled(): boolean {
    return this.followed;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Turns the cache on; returns the handler for the process's change feed. */
  follow(): (coll: string, change: ChangeDoc) => void {
    this.followed = true;
    return (coll, change) => this.onChange(coll, change);
  }

  /** The feed stopped for good (shutdown, tests): back to reading the store every request. */
  unfollow(): void {
    this.followed = false;
    this.clear();
  }

  /** Call before reading the store; pass the result to `set`. */
  mark(): number {
    return this.epoch;
  }

  get(token: string, now = Date.now()): CachedViewer | null {
    if (!this.followed) return null;
    const e = this.entries.get(token);
    if (!e) return null;
    if (e.until <= now) {
      this.entries.delete(token);
      return null;
    }
    // Least recently used first in iteration order: move the hit to the end.
    this.entries.delete(token);
    this.entries.set(token, e);
    return e.viewer;
  }

  set(token: string, viewer: CachedViewer, mark: number, now = Date.now()): void {
    if (!this.followed || mark !== this.epoch) return;
    const expires = viewer.identity.expiresAtMs ?? Number.POSITIVE_INFINITY;
    const until = Math.min(now + this.ttlMs, expires);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { viewer, until });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  forgetSession(sessionId: string): void {
    this.forgetWhere((v) => v.identity.sessionId === sessionId);
  }

  forgetApiToken(apiTokenId: string): void {
    this.forgetWhere((v) => v.identity.apiTokenId === apiTokenId);
  }

  forgetUser(userId: string): void {
    this.forgetWhere((v) => v.identity.userId === userId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  /**
   * A change on `sessions`, `api_tokens` or `users` from the change feed. Any change to a session,
   * token or user drops the entries naming it (not only deletes and revocations): they are rare,
   * and a dropped entry only costs one store read.
   */
  onChange(coll: string, change: ChangeDoc): void {
    if (!("documentKey" in change)) {
      // drop, dropDatabase, invalidate, rename: the whole collection may be gone.
      if (coll === "sessions" || coll === "api_tokens" || coll === "users") this.clear();
      return;
    }
    const id = String((change.documentKey as { _id: unknown })._id);
    if (coll === "sessions") this.forgetSession(id);
    else if (coll === "api_tokens") this.forgetApiToken(id);
    else if (coll === "users") this.forgetUser(id);
  }

  /** A scan: ends are rare, and a scan of a few thousand entries costs less than indexes kept per hit. */
  private forgetWhere(match: (v: CachedViewer) => boolean): void {
    this.epoch++;
    for (const [token, e] of this.entries) if (match(e.viewer)) this.entries.delete(token);
  }
}

/** The process's identity cache (read by `app/context.ts`, fed by the realtime change feed). */
export const identityCache = new IdentityCache();

/**
 * The wiring for the realtime hub (`credentials: withIdentityCache(identities)` in app/ws.ts): the
 * hub's one change stream already carries `sessions` and `api_tokens` changes to the socket
 * watcher; this hands the same changes to the identity cache and turns the cache on.
 */
export function withIdentityCache<T extends { onChange(coll: string, change: ChangeDoc): void }>(
  watcher: T,
  cache: IdentityCache = identityCache,
): { onChange(coll: string, change: ChangeDoc): void } {
  const feed = cache.follow();
  return {
    onChange(coll, change) {
      watcher.onChange(coll, change);
      feed(coll, change);
    },
  };
}
