import type { PresenceEntry, PresenceSnapshot } from "./ports.js";

export interface PresenceTrackerDeps {
  /** Live viewers of a version from the store (first subscriber of a version in this process). */
  load(versionId: string): Promise<PresenceEntry[]>;
  /** A version's viewers changed: broadcast to the production's presence subscribers. */
  publish(productionId: string, snapshot: PresenceSnapshot): void;
  ttlMs: number;
  /** Broadcast coalescing: at most one snapshot per version per tick (throttles playheads). */
  tickMs?: number;
  now?: () => number;
}

/** One local presence subscriber's interest in a version (PresenceTracker.watch). */
export interface PresenceWatch {
  /** Current viewers (the subscription's first message). */
  snapshot(): Promise<PresenceSnapshot>;
  /** The subscriber left (idempotent); the last one to leave stops the tracking. */
  release(): void;
}

interface Tracked {
  productionId: string;
  viewers: Map<string, PresenceEntry>;
  loaded: Promise<void>;
}

/**
 * Presence of the versions that local subscribers watch, kept current from the change stream.
 * Expiry (no heartbeat within the TTL) is decided by each process from `updatedAt`, so every
 * process agrees without waiting for the TTL monitor. One process-wide timer at most.
 */
export class PresenceTracker {
  private readonly versions = new Map<string, Tracked>();
  private readonly dirty = new Set<string>();
  /** Local presence subscribers per version: tracking stops when the count reaches zero. */
  private readonly watchers = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: PresenceTrackerDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Current viewers of a version; starts tracking it. */
  async snapshot(productionId: string, versionId: string): Promise<PresenceSnapshot> {
    let t = this.versions.get(versionId);
    if (!t) {
      const viewers = new Map<string, PresenceEntry>();
      const tracked: Tracked = { productionId, viewers, loaded: Promise.resolve() };
      tracked.loaded = this.deps.load(versionId).then((docs) => {
        for (const d of docs) if (!viewers.has(d.userId)) viewers.set(d.userId, d);
      });
      this.versions.set(versionId, tracked);
      t = tracked;
      this.arm();
    }
    await t.loaded;
    return this.build(versionId, t);
  }

  /** Whether a version is tracked now, and whether the tick timer runs (tests, metrics). */
  isTracking(versionId: string): boolean {
    return this.versions.has(versionId);
  }

  get ticking(): boolean {
    return this.timer !== null;
  }

  /** A local subscriber starts watching a version's presence. */
  watch(productionId: string, versionId: string): PresenceWatch {
    this.watchers.set(versionId, (this.watchers.get(versionId) ?? 0) + 1);
    let released = false;
    return {
      snapshot: () => this.snapshot(productionId, versionId),
      release: () => {
        if (released) return;
        released = true;
        const left = (this.watchers.get(versionId) ?? 1) - 1;
        if (left > 0) {
          this.watchers.set(versionId, left);
          return;
        }
        this.watchers.delete(versionId);
        this.forget(versionId);
      },
    };
  }

  /** Stops tracking a version nobody here watches any more (its viewers, dirty mark, the timer). */
  private forget(versionId: string): void {
    this.versions.delete(versionId);
    this.dirty.delete(versionId);
    if (this.versions.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** A viewer's presence changed (from the event feed); null: it ended. */
  onChange(versionId: string, userId: string, entry: PresenceEntry | null): void {
    const t = this.versions.get(versionId);
    if (!t) return;
    if (!entry) {
      if (t.viewers.delete(userId)) this.markDirty(versionId);
      return;
    }
    t.viewers.set(userId, entry);
    this.markDirty(versionId);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.versions.clear();
    this.watchers.clear();
  }

  private markDirty(versionId: string): void {
    this.dirty.add(versionId);
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.versions.size === 0) return;
    this.timer = setInterval(() => this.tick(), this.deps.tickMs ?? 100);
    this.timer.unref();
  }

  /** Expires silent viewers and flushes changed versions: one snapshot per version per tick. */
  tick(): void {
    const cutoff = this.now() - this.deps.ttlMs;
    for (const [versionId, t] of this.versions) {
      for (const [userId, v] of t.viewers) {
        if (v.updatedAt.getTime() < cutoff) {
          t.viewers.delete(userId);
          this.dirty.add(versionId);
        }
      }
    }
    for (const versionId of this.dirty) {
      const t = this.versions.get(versionId);
      if (t) this.deps.publish(t.productionId, this.build(versionId, t));
    }
    this.dirty.clear();
    if (this.versions.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private build(versionId: string, t: Tracked): PresenceSnapshot {
    const cutoff = this.now() - this.deps.ttlMs;
    const viewers = [...t.viewers.values()]
      .filter((v) => v.updatedAt.getTime() >= cutoff)
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    return { versionId, viewers };
  }
}
