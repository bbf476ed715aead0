import type { ServerCursor } from "./cursor.js";

/** MongoDB's default cursorTimeoutMillis. */
export const CURSOR_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface Entry {
  cursor: ServerCursor;
  /** Connection that opened it; used to reap session-less cursors when the socket closes. */
  connectionId: number;
  /** Hex of the lsid UUID, if the command carried one. */
  session: string | undefined;
}

/**
 * All open cursors of the server. Ids are random-looking positive int64s (never 0, which
 * means "exhausted" on the wire) so a stale id from an earlier run is unlikely to match.
 */
export class CursorRegistry {
  private readonly cursors = new Map<bigint, Entry>();
  private next: bigint = BigInt(Math.floor(Math.random() * 2 ** 40)) + 1n;
  private readonly reaper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = CURSOR_IDLE_TIMEOUT_MS) {
    this.reaper = setInterval(() => this.reapIdle(), Math.min(60_000, idleTimeoutMs)).unref();
  }

  newId(): bigint {
    this.next += 1n + BigInt(Math.floor(Math.random() * 1000));
    return this.next;
  }

  register(cursor: ServerCursor, owner: { connectionId: number; session?: string | undefined }): void {
    cursor.lastUsed = Date.now();
    this.cursors.set(cursor.id, { cursor, connectionId: owner.connectionId, session: owner.session });
  }

  get(id: bigint): ServerCursor | undefined {
    const e = this.cursors.get(id);
    if (e) e.cursor.lastUsed = Date.now();
    return e?.cursor;
  }

  /** Remove without closing (cursor finished on its own). */
  remove(id: bigint): void {
    this.cursors.delete(id);
  }

  kill(id: bigint): boolean {
    const e = this.cursors.get(id);
    if (!e) return false;
    this.cursors.delete(id);
    e.cursor.close();
    return true;
  }

  killSession(session: string): void {
    for (const [id, e] of this.cursors) if (e.session === session) this.kill(id);
  }

  /** Driver pools share sessions across sockets, so only session-less cursors die with their socket. */
  connectionClosed(connectionId: number): void {
    for (const [id, e] of this.cursors) if (e.connectionId === connectionId && !e.session) this.kill(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  reapIdle(now = Date.now()): void {
    for (const [id, e] of this.cursors) if (now - e.cursor.lastUsed > this.idleTimeoutMs) this.kill(id);
  }

  closeAll(): void {
    clearInterval(this.reaper);
    for (const id of [...this.cursors.keys()]) this.kill(id);
  }
}
