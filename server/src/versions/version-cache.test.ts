import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { ChangeDoc } from "../core/change-stream.js";
import { VersionCache } from "./version-cache.js";
import type { VersionDoc } from "./version.model.js";
import { VersionStatus } from "./version.enums.js";

const version = (fields: Partial<VersionDoc> = {}) =>
  ({ _id: new Types.ObjectId(), status: VersionStatus.DRAFT, text: null, ...fields }) as VersionDoc;
const updated = (doc: VersionDoc) =>
  ({ operationType: "update", documentKey: { _id: doc._id }, fullDocument: doc }) as unknown as ChangeDoc;
const deleted = (id: unknown) =>
  ({ operationType: "delete", documentKey: { _id: id } }) as unknown as ChangeDoc;

describe("VersionCache", () => {
  it("is off until followed", () => {
    const cache = new VersionCache();
    const v = version();
    cache.set(v, cache.mark());
    expect(cache.get(String(v._id))).toBeNull();
  });

  it("takes the feed's post-image of a kept version (every note changes its counters)", () => {
    const cache = new VersionCache();
    const feed = cache.follow();
    const v = version();
    cache.set(v, cache.mark());
    const locked = { ...v, status: VersionStatus.LOCKED };
    feed(updated(locked));
    expect(cache.get(String(v._id))).toEqual(locked);
    // A version nobody asked for is not added by the feed.
    const other = version();
    feed(updated(other));
    expect(cache.get(String(other._id))).toBeNull();
  });

  it("drops a version on a change without a post-image, and a read that raced a change", () => {
    const cache = new VersionCache();
    const feed = cache.follow();
    const v = version();
    cache.set(v, cache.mark());
    feed(deleted(v._id));
    expect(cache.get(String(v._id))).toBeNull();
    const mark = cache.mark();
    feed(updated(version()));
    cache.set(v, mark);
    expect(cache.get(String(v._id))).toBeNull();
  });

  it("does not keep a script whose text is large, and stays within its size bound", () => {
    const cache = new VersionCache(2);
    cache.follow();
    const big = version({ text: "x".repeat(100_000) });
    cache.set(big, cache.mark());
    expect(cache.get(String(big._id))).toBeNull();
    const [a, b, c] = [version(), version(), version()];
    for (const v of [a, b, c]) cache.set(v, cache.mark());
    expect(cache.size).toBe(2);
    expect(cache.get(String(a._id))).toBeNull();
  });
});
