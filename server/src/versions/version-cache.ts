import { changedId, type ChangeDoc, postImage } from "../core/change-stream.js";
import { FeedCache } from "../core/feed-cache.js";
import type { VersionDoc } from "./version.model.js";

/** Versions written to recently enough to matter; each entry is one version document. */
export const VERSION_CACHE_MAX_ENTRIES = 1_000;
/** A script's text rides in its version: larger versions are read each time instead of kept. */
const MAX_TEXT_CHARS = 64 * 1024;

/**
 * Versions as the process's change stream last showed them, for the checks before a note command
 * (`requireVersion(..., { forWrite: true })`), so `addNote` does not read its version each time.
 * Every note bumps its version's counters, so a cache that dropped the version on each change
 * would never hit: the feed's post-image (the same one realtime primes deliveries with) replaces
 * the entry instead.
 *
 * What it may be behind by (the change stream's latency) is harmless for those checks: what they
 * read of a version (its production, asset, kind, timing and text) never changes, and its status
 * is checked again inside the command's transaction, on the snapshot (`bumpNoteCounts`'s
 * `whileAcceptingNotes`), which alone decides. It is never a loader's value: reads answer from the
 * store, so a client reads its own writes.
 *
 * Off until the feed is wired (`follow()`), as the identity and membership caches.
 */
export class VersionCache extends FeedCache {
  private readonly entries = new Map<string, VersionDoc>();

  constructor(private readonly maxEntries = VERSION_CACHE_MAX_ENTRIES) {
    super();
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): VersionDoc | null {
    return this.followed ? (this.entries.get(id) ?? null) : null;
  }

  /** A version read from the store (`mark()` taken before the read). */
  set(doc: VersionDoc, mark: number): void {
    if (!this.followed || mark !== this.epoch) return;
    this.put(String(doc._id), doc);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** A change on `versions`: the post-image replaces a kept version; anything else drops it. */
  onChange(change: ChangeDoc): void {
    this.epoch++;
    const id = changedId(change);
    if (!id) {
      this.clear();
      return;
    }
    const doc = postImage<VersionDoc>(change);
    if (doc && this.entries.has(id)) this.put(id, doc);
    else this.entries.delete(id);
  }

  private put(id: string, doc: VersionDoc): void {
    this.entries.delete(id);
    if ((doc.text?.length ?? 0) > MAX_TEXT_CHARS) return;
    this.entries.set(id, doc);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

/** The process's version cache (read by note commands' checks, fed by the realtime change feed). */
export const versionCache = new VersionCache();
