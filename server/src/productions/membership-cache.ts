import type { ChangeDoc } from "../core/change-stream.js";
import { FeedCache } from "../core/feed-cache.js";
import type { MembershipDoc } from "./membership.model.js";

/** Long enough to take the membership read off nearly every request of an active member. */
export const MEMBERSHIP_TTL_MS = 30_000;
/** Bounds memory (a small document each: ~0.3 KB). */
export const MEMBERSHIP_MAX_ENTRIES = 10_000;

interface Entry {
  doc: MembershipDoc;
  until: number;
}

/**
 * Memberships read by `membershipByKey` (every production-scoped request checks one), so a
 * member's request does not read it again: one store command of every such request, `addNote`'s
 * included. Only memberships found are kept; a miss is read every time.
 *
 * Safe only while every end or change of a membership reaches it, as for the identity cache:
 * - in this process, commands that delete or change memberships call `forget` once committed
 *   (`productions/remove-member.command.ts`, the seed);
 * - from other processes, memberships' changes arrive on this process's one change stream
 *   (app/realtime-feed.ts), which calls `onChange`. Until that feed is wired (`follow()`), the
 *   cache stays off: one nobody can invalidate across processes would let a removed member act
 *   for up to the TTL.
 */
export class MembershipCache extends FeedCache {
  private readonly entries = new Map<string, Entry>();
  /** Membership `_id` → key: a delete's change names only the `_id`. */
  private readonly keyById = new Map<string, string>();

  constructor(
    private readonly ttlMs = MEMBERSHIP_TTL_MS,
    private readonly maxEntries = MEMBERSHIP_MAX_ENTRIES,
  ) {
    super();
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): MembershipDoc | null {
    if (!this.followed) return null;
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.until <= now) {
      this.drop(key);
      return null;
    }
    return e.doc;
  }

  set(key: string, doc: MembershipDoc, mark: number, now = Date.now()): void {
    if (!this.followed || mark !== this.epoch) return;
    this.drop(key);
    this.entries.set(key, { doc, until: now + this.ttlMs });
    this.keyById.set(String(doc._id), key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
  }

  /** After a membership was deleted or changed in this process (its key, or its `_id`). */
  forget(keyOrId: string): void {
    this.epoch++;
    this.drop(this.keyById.get(keyOrId) ?? keyOrId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.keyById.clear();
  }

  /** A change on `memberships` from the feed: any change drops the membership it names. */
  onChange(change: ChangeDoc): void {
    if (!("documentKey" in change) || !change.documentKey) {
      // drop, dropDatabase, rename, invalidate: the whole collection may be gone.
      this.clear();
      return;
    }
    this.forget(String((change.documentKey as { _id: unknown })._id));
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.keyById.delete(String(e.doc._id));
  }
}

/** The process's membership cache (read by `membershipByKey`, fed by the realtime change feed). */
export const membershipCache = new MembershipCache();
