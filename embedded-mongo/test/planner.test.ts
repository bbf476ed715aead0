import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("planner");
  db = ctx.db;
});
afterAll(() => ctx.close());

describe("planner edge cases", () => {
  it("an empty $in on an indexed field matches nothing, with or without a sort", async () => {
    const c = db.collection("empty_in");
    await c.createIndex({ v: 1 });
    await c.insertMany([{ v: 1 }, { v: 2 }]);
    expect(
      await c
        .find({ v: { $in: [] } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([]);
    expect(await c.find({ v: { $in: [] } }).toArray()).toEqual([]);
    expect(await c.countDocuments({ v: { $in: [] } })).toBe(0);
    // Under $or, the other branch still matches.
    const r = await c
      .find({ $or: [{ v: { $in: [] } }, { v: 2 }] })
      .sort({ _id: 1 })
      .toArray();
    expect(r.map((d) => d.v)).toEqual([2]);
  });
});

describe("hint", () => {
  it("is honoured: by name, by key pattern, and $natural", async () => {
    const c = db.collection("hinted");
    await c.createIndex({ a: 1 });
    await c.createIndex({ b: 1 }, { sparse: true });
    await c.insertMany([{ a: 2, b: 1 }, { a: 1 }, { a: 3, b: 0 }]);
    const plan = async (hint: unknown) => {
      const r = await db.command({
        explain: { find: "hinted", filter: {}, hint },
        verbosity: "queryPlanner",
      });
      return JSON.stringify(r.queryPlanner.winningPlan);
    };
    expect(await plan("a_1")).toContain("a_1");
    expect(await plan({ a: 1 })).toContain("a_1");
    expect(await plan({ $natural: 1 })).toContain("COLLSCAN");
    expect((await c.find({}).hint({ a: 1 }).toArray()).map((d) => d.a)).toEqual([1, 2, 3]);
    expect((await c.find({}).hint({ $natural: -1 }).toArray()).map((d) => d.a)).toEqual([3, 1, 2]);
    // A sparse index holds only documents with the field, so a hinted scan returns only those.
    expect((await c.find({}).hint("b_1").toArray()).map((d) => d.b)).toEqual([0, 1]);
  });

  it("naming a missing index is BadValue (2) on every command that takes one", async () => {
    const c = db.collection("hinted");
    const bad = { nope: 1 };
    const fails = async (p: Promise<unknown>) => {
      const e = await rejection(p);
      expect(e.code).toBe(2);
      expect(e.message).toContain("hint provided does not correspond to an existing index");
    };
    await fails(c.find({ a: 1 }).hint(bad).toArray());
    await fails(c.find({ a: 1 }).hint("nope_1").toArray());
    await fails(c.countDocuments({}, { hint: bad }));
    await fails(c.aggregate([{ $match: { a: 1 } }], { hint: bad }).toArray());
    await fails(c.updateOne({ a: 1 }, { $set: { x: 1 } }, { hint: bad }));
    await fails(c.deleteMany({ a: 1 }, { hint: bad }));
    await fails(c.findOneAndUpdate({ a: 1 }, { $set: { x: 1 } }, { hint: bad }));
    expect(await c.countDocuments({ x: 1 })).toBe(0);
  });
});
