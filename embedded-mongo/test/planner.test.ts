import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./support/target.js";

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
