import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

/** Views through the driver; runs unchanged against a real replica set when MONGODB_URI is set. */
type N = { _id: number; [k: string]: unknown };
let ctx: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  ctx = await connect("views");
  await ctx.db.collection<N>("notes").insertMany([
    { _id: 1, kind: "cut", tags: ["a", "b"], n: 3 },
    { _id: 2, kind: "mix", tags: ["b"], n: 1 },
    { _id: 3, kind: "cut", tags: [], n: 2 },
  ]);
  await ctx.db.createCollection("cuts", { viewOn: "notes", pipeline: [{ $match: { kind: "cut" } }] });
  // A view over a view: MongoDB resolves the chain into one pipeline on notes.
  await ctx.db.createCollection("cutTags", {
    viewOn: "cuts",
    pipeline: [{ $unwind: "$tags" }, { $project: { tags: 1, n: 1 } }],
  });
});
afterAll(() => ctx.close());

describe("views", () => {
  it("are listed as views with their source and pipeline", async () => {
    const [info] = await ctx.db.listCollections({ name: "cuts" }).toArray();
    expect(info).toMatchObject({
      name: "cuts",
      type: "view",
      options: { viewOn: "notes", pipeline: [{ $match: { kind: "cut" } }] },
      info: { readOnly: true },
    });
  });

  it("answer find (filter, sort, skip, limit, projection), count, distinct and aggregate through the pipeline", async () => {
    const cuts = ctx.db.collection<N>("cuts");
    expect(await cuts.find({}, { sort: { n: 1 }, projection: { n: 1 } }).toArray()).toEqual([
      { _id: 3, n: 2 },
      { _id: 1, n: 3 },
    ]);
    expect(await cuts.find({ n: { $gt: 2 } }).toArray()).toEqual([
      { _id: 1, kind: "cut", tags: ["a", "b"], n: 3 },
    ]);
    expect(await cuts.find().sort({ n: -1 }).skip(1).limit(1).toArray()).toMatchObject([{ _id: 3 }]);
    expect(await cuts.countDocuments({ n: { $gte: 2 } })).toBe(2);
    expect(await ctx.db.command({ count: "cuts" })).toMatchObject({ n: 2 });
    expect(await ctx.db.collection("cutTags").distinct("tags")).toEqual(["a", "b"]);
    // Unwound documents share an _id: all of them match a filter on it.
    expect(await ctx.db.collection<N>("cutTags").find({ _id: 1 }).toArray()).toHaveLength(2);
    const agg = await cuts.aggregate([{ $group: { _id: null, total: { $sum: "$n" } } }]).toArray();
    expect(agg).toEqual([{ _id: null, total: 5 }]);
  });

  it("can be read by $lookup", async () => {
    const out = await ctx.db
      .collection<N>("notes")
      .aggregate([
        { $match: { _id: 2 } },
        { $lookup: { from: "cuts", localField: "tags", foreignField: "tags", as: "sameTag" } },
        { $project: { ids: "$sameTag._id" } },
      ])
      .toArray();
    expect(out).toEqual([{ _id: 2, ids: [1] }]);
  });

  it("refuse writes and index builds with CommandNotSupportedOnView (166)", async () => {
    const cuts = ctx.db.collection<N>("cuts");
    const writes = [
      () => cuts.insertOne({ _id: 9 }),
      () => cuts.updateOne({ _id: 1 }, { $set: { n: 0 } }),
      () => cuts.deleteMany({}),
      () => cuts.findOneAndUpdate({ _id: 1 }, { $set: { n: 0 } }),
      () => cuts.createIndex({ n: 1 }),
    ];
    for (const write of writes) expect((await rejection(write())).code).toBe(166);
    expect(await ctx.db.collection("notes").countDocuments()).toBe(3);
  });

  it("is refused by create when the name exists, and dropped like a collection", async () => {
    expect((await rejection(ctx.db.createCollection("cuts", { viewOn: "notes" }))).code).toBe(48);
    await ctx.db.createCollection("tmpView", { viewOn: "notes" });
    expect(await ctx.db.collection("tmpView").countDocuments()).toBe(3);
    await ctx.db.command({ collMod: "tmpView", pipeline: [{ $match: { n: 1 } }] });
    expect(await ctx.db.collection("tmpView").find().toArray()).toMatchObject([{ _id: 2 }]);
    await ctx.db.collection("tmpView").drop();
    expect(await ctx.db.listCollections({ name: "tmpView" }).toArray()).toEqual([]);
  });
});
