import { ObjectId } from "bson";
import { Query, update } from "mingo";
import { describe, expect, it } from "vitest";
import { cloneValue } from "../src/engine/bson-order.js";
import { fastMatcher } from "../src/engine/fast-match.js";
import { applyOperators, supports } from "../src/engine/fast-update.js";

const oid = new ObjectId("65f000000000000000000001");
const docs = [
  { _id: 1, a: 5, s: "x", t: ["x", "y"], d: new Date(1000), o: oid, n: { v: 3, arr: [{ k: 1 }, { k: 2 }] } },
  { _id: 2, a: "5", s: "y", t: [], d: new Date(2000), n: { v: [1, 9] } },
  { _id: 3, a: [1, 10], s: null, t: "x", o: new ObjectId("65f000000000000000000002") },
  { _id: 4 },
];

const filters = [
  { a: 5 },
  { a: "5" },
  { a: { $gt: 4 } },
  { a: { $gt: 2, $lt: 8 } },
  { a: { $in: [1, "5"] } },
  { t: "x" },
  { "n.v": 3 },
  { "n.v": { $gte: 5 } },
  { "n.arr.k": 2 },
  { d: { $lt: new Date(1500) } },
  { o: oid },
  { o: { $gt: oid } },
  { s: "x", a: 5 },
  { s: { $eq: "y" } },
  { missing: 1 },
  { s: null },
  { t: null },
  { missing: null },
  { s: { $ne: null } },
  { a: { $ne: 5 } },
  { t: { $ne: "x" } },
  { o: { $exists: true } },
  { missing: { $exists: false }, a: { $exists: 1 } },
  { s: { $eq: null } },
  { $or: [{ a: 5 }, { s: "y" }] },
  { $and: [{ a: { $gt: 0 } }, { t: "x" }], o: { $exists: true } },
];

describe("fast matcher agrees with mingo", () => {
  for (const f of filters) {
    it(JSON.stringify(f), () => {
      const fast = fastMatcher(f);
      expect(fast).not.toBeNull();
      const q = new Query(f);
      expect(docs.map((d) => fast!(d))).toEqual(docs.map((d) => q.test(d)));
    });
  }

  it("declines filters it does not implement", () => {
    for (const f of [
      { "n.v": null },
      { $nor: [{ a: 1 }] },
      { "n.v": { $ne: 1 } },
      { a: /x/ },
      { a: { b: 1 } },
      { a: [1, 10] },
    ]) {
      expect(fastMatcher(f)).toBeNull();
    }
  });
});

const updates = [
  { $set: { a: 1, "n.v": 2, "x.y.z": true } },
  { $unset: { a: "", "n.v": "", nope: "" } },
  { $inc: { a: 2, fresh: 3 } },
  { $mul: { a: 3, fresh: 2 } },
  { $min: { a: 1 }, $max: { b: 7 } },
  { $addToSet: { t: "z" } },
  { $pull: { t: "x" } },
  { $set: { "n.arr.1.k": 5 } },
];

describe("fast updates agree with mingo", () => {
  for (const u of updates) {
    it(JSON.stringify(u), () => {
      expect(supports(u)).toBe(true);
      const base = { _id: 1, a: 5, t: ["x", "y"], n: { v: 3, arr: [{ k: 1 }, { k: 2 }] } };
      const mine = cloneValue(base);
      const theirs = cloneValue(base);
      applyOperators(mine, u);
      update(theirs, u as never);
      expect(mine).toEqual(theirs);
    });
  }

  it("$addToSet with $each on a missing field keeps distinct values (mingo keeps duplicates)", () => {
    const d: Record<string, unknown> = { _id: 1 };
    applyOperators(d, { $addToSet: { u: { $each: ["a", "a", "b"] } } });
    expect(d.u).toEqual(["a", "b"]);
  });

  it("orders new fields lexicographically like MongoDB", () => {
    const d = { _id: 1 };
    applyOperators(d, { $set: { b: 1, a: 1 } });
    expect(Object.keys(d)).toEqual(["_id", "a", "b"]);
  });

  it("fails on non-viable paths", () => {
    expect(() => applyOperators({ a: 1 }, { $set: { "a.b": 1 } })).toThrow(/Cannot create field 'b'/);
  });

  it("leaves positional and exotic operators to mingo", () => {
    expect(supports({ $set: { "a.$.b": 1 } })).toBe(false);
    expect(supports({ $rename: { a: "b" } })).toBe(false);
    expect(supports({ $pull: { a: { $gt: 1 } } })).toBe(false);
  });
});
