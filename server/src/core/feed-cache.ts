import type { ChangeDoc } from "./change-stream.js";

/**
 * What the process-wide caches kept up by the change stream share (productions/membership-cache.ts,
 * versions/version-cache.ts): they are on only while followed — a cache nobody invalidates across
 * processes would serve what another process changed — and an epoch, bumped by every change or
 * forget, so that a store read begun before one is not kept after it (`mark()` before the read).
 */
export abstract class FeedCache {
  protected followed = false;
  protected epoch = 0;

  get enabled(): boolean {
    return this.followed;
  }

  /** Turns the cache on; returns the handler for its collection's changes on the process's feed. */
  follow(): (change: ChangeDoc) => void {
    this.followed = true;
    return (change) => this.onChange(change);
  }

  /** The feed stopped for good (shutdown, tests): back to reading the store every time. */
  unfollow(): void {
    this.followed = false;
    this.clear();
  }

  /** Call before reading the store; pass the result to `set`. */
  mark(): number {
    return this.epoch;
  }

  abstract clear(): void;
  abstract onChange(change: ChangeDoc): void;
}
