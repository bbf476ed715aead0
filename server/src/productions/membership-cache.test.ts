import type { mongo } from "mongoose";
import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { ChangeDoc } from "../core/change-stream.js";
import { MembershipCache } from "./membership-cache.js";
import type { MembershipDoc } from "./membership.model.js";
import { Role } from "./production.enums.js";

const doc = (): MembershipDoc => ({
  _id: new Types.ObjectId(),
  productionId: new Types.ObjectId(),
  userId: new Types.ObjectId(),
  role: Role.EDITOR,
  joinedAt: new Date(),
});
const keyOf = (d: MembershipDoc) => `${String(d.productionId)}:${String(d.userId)}`;
const change = (c: object) => c as unknown as ChangeDoc;
const deleted = (id: unknown) => change({ operationType: "delete", documentKey: { _id: id } });

describe("MembershipCache", () => {
  it("is off until followed, and forgets everything when unfollowed", () => {
    const cache = new MembershipCache();
    const d = doc();
    cache.set(keyOf(d), d, cache.mark());
    expect(cache.get(keyOf(d))).toBeNull();
    cache.follow();
    cache.set(keyOf(d), d, cache.mark());
    expect(cache.get(keyOf(d))).toBe(d);
    cache.unfollow();
    expect(cache.get(keyOf(d))).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("a delete on the feed (which names only the _id) drops the membership", () => {
    const cache = new MembershipCache();
    const feed = cache.follow();
    const [a, b] = [doc(), doc()];
    cache.set(keyOf(a), a, cache.mark());
    cache.set(keyOf(b), b, cache.mark());
    feed(deleted(a._id));
    expect(cache.get(keyOf(a))).toBeNull();
    expect(cache.get(keyOf(b))).toBe(b);
  });

  it("drops all on a change without a document key (drop, invalidate)", () => {
    const cache = new MembershipCache();
    const feed = cache.follow();
    const a = doc();
    cache.set(keyOf(a), a, cache.mark());
    feed(
      change({
        operationType: "drop",
        ns: { db: "g", coll: "memberships" },
      } satisfies Partial<mongo.ChangeStreamDropDocument>),
    );
    expect(cache.size).toBe(0);
  });

  it("does not keep a read that began before a forget (it may have seen the removed membership)", () => {
    const cache = new MembershipCache();
    cache.follow();
    const a = doc();
    const mark = cache.mark();
    cache.forget(String(a._id)); // removed while the read was in flight
    cache.set(keyOf(a), a, mark);
    expect(cache.get(keyOf(a))).toBeNull();
  });

  it("expires entries after the TTL and stays within its size bound", () => {
    const cache = new MembershipCache(1_000, 2);
    cache.follow();
    const [a, b, c] = [doc(), doc(), doc()];
    cache.set(keyOf(a), a, cache.mark(), 0);
    expect(cache.get(keyOf(a), 999)).toBe(a);
    expect(cache.get(keyOf(a), 1_000)).toBeNull();
    for (const d of [a, b, c]) cache.set(keyOf(d), d, cache.mark(), 0);
    expect(cache.size).toBe(2);
    expect(cache.get(keyOf(a), 1)).toBeNull();
  });
});
