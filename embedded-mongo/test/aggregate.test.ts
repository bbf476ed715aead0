import { Binary, type Db, Decimal128, Long, ObjectId, Timestamp } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("agg");
  db = ctx.db;
  await db.collection("orders").insertMany([
    { _id: 1 as never, cust: "a", items: ["x", "y"], total: 10 },
    { _id: 2 as never, cust: "b", items: ["x"], total: 5 },
    { _id: 3 as never, cust: "a", items: [], total: 7 },
  ]);
  await db.collection("customers").insertMany([
    { _id: "a" as never, name: "Ann" },
    { _id: "b" as never, name: "Bob" },
  ]);
});
afterAll(() => ctx.close());

describe("aggregate", () => {
  it("$match + $group + $sort", async () => {
    const r = await db
      .collection("orders")
      .aggregate([
        { $match: { total: { $gt: 1 } } },
        { $group: { _id: "$cust", sum: { $sum: "$total" }, n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(r).toEqual([
      { _id: "a", sum: 17, n: 2 },
      { _id: "b", sum: 5, n: 1 },
    ]);
  });

  it("$unwind, $count and $project", async () => {
    const unwound = await db
      .collection("orders")
      .aggregate([{ $unwind: "$items" }, { $project: { _id: 0, items: 1 } }])
      .toArray();
    expect(unwound).toEqual([{ items: "x" }, { items: "y" }, { items: "x" }]);
    const [count] = await db
      .collection("orders")
      .aggregate([{ $match: { cust: "a" } }, { $count: "n" }])
      .toArray();
    expect(count).toEqual({ n: 2 });
  });

  it("$lookup joins another collection of the same database", async () => {
    const r = await db
      .collection("orders")
      .aggregate([
        { $match: { _id: 2 } },
        { $lookup: { from: "customers", localField: "cust", foreignField: "_id", as: "who" } },
        { $project: { _id: 0, name: { $first: "$who.name" } } },
      ])
      .toArray();
    expect(r).toEqual([{ name: "Bob" }]);
  });

  it("$facet runs sub-pipelines", async () => {
    const [r] = await db
      .collection("orders")
      .aggregate([
        { $facet: { big: [{ $match: { total: { $gte: 7 } } }, { $count: "n" }], all: [{ $count: "n" }] } },
      ])
      .toArray();
    expect(r).toEqual({ big: [{ n: 2 }], all: [{ n: 3 }] });
  });

  it("pages large results through getMore", async () => {
    await db.collection("many").insertMany(Array.from({ length: 300 }, (_, i) => ({ i })));
    const r = await db
      .collection("many")
      .aggregate([{ $sort: { i: -1 } }], { batchSize: 50 })
      .toArray();
    expect(r).toHaveLength(300);
    expect(r[0]?.i).toBe(299);
  });

  it("$out replaces the target's documents; $merge merges, keeps, fails or inserts", async () => {
    const src = db.collection("outSrc");
    await src.insertMany([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ] as never[]);
    const dst = db.collection("outDst");
    await dst.insertMany([{ _id: 9, old: true }] as never[]);
    expect(await src.aggregate([{ $match: { n: { $gte: 1 } } }, { $out: "outDst" }]).toArray()).toEqual([]);
    expect(await dst.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ]);
    await src.updateOne({ _id: 1 } as never, { $set: { extra: "x" } });
    await src.insertOne({ _id: 3, n: 3 } as never);
    await src.aggregate([{ $merge: { into: "outDst", whenMatched: "merge" } }]).toArray();
    expect(await dst.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, n: 1, extra: "x" },
      { _id: 2, n: 2 },
      { _id: 3, n: 3 },
    ]);
    await src
      .aggregate([
        { $match: { _id: 2 } },
        { $merge: { into: "outDst", whenMatched: [{ $set: { n: { $add: ["$n", "$$new.n"] } } }] } },
      ])
      .toArray();
    expect(await dst.findOne({ _id: 2 } as never)).toEqual({ _id: 2, n: 4 });
    const e = await rejection(src.aggregate([{ $merge: { into: "outDst", whenMatched: "fail" } }]).toArray());
    expect(e.code).toBe(11000);
    const e2 = await rejection(src.aggregate([{ $out: "outDst" }, { $match: {} }]).toArray());
    expect(e2.code).toBe(40601);
  });

  it("$type names BSON types as MongoDB does (not mingo's JS names)", async () => {
    const values: Record<string, unknown> = {
      objectId: new ObjectId(),
      binData: new Binary(Buffer.from("x")),
      decimal: Decimal128.fromString("1.5"),
      timestamp: new Timestamp({ t: 1, i: 1 }),
      int: 7,
      double: 2.5,
      long: Long.fromString("9007199254740993"),
      bool: true,
      date: new Date(0),
      null: null,
      string: "s",
      array: [1],
      object: { a: 1 },
      regex: /x/,
    };
    await db.collection("typed").insertOne({ _id: 1 as never, ...values });
    const project = Object.fromEntries(Object.keys(values).map((k) => [k, { $type: [`$${k}`] }]));
    const [row] = await db
      .collection("typed")
      .aggregate([{ $project: { _id: 0, ...project, missing: { $type: "$nope" } } }])
      .toArray();
    expect(row).toEqual({
      ...Object.fromEntries(Object.keys(values).map((k) => [k, k])),
      missing: "missing",
    });
  });

  it("rejects unknown stages with 40324", async () => {
    const e = await rejection(
      db
        .collection("orders")
        .aggregate([{ $bogus: {} }])
        .toArray(),
    );
    expect(e.code).toBe(40324);
  });
});

describe("aggregate leaves stored documents untouched", () => {
  it("$addFields / $unwind / $lookup do not leak into the collection", async () => {
    await db
      .collection("orders")
      .aggregate([
        { $addFields: { extra: 1, "nested.x": 2 } },
        { $lookup: { from: "customers", localField: "cust", foreignField: "_id", as: "who" } },
        { $set: { "who.name": "changed" } },
      ])
      .toArray();
    const o = await db.collection("orders").findOne({ _id: 1 as never });
    expect(o).toEqual({ _id: 1, cust: "a", items: ["x", "y"], total: 10 });
    expect((await db.collection("customers").findOne({ _id: "a" as never }))?.name).toBe("Ann");
  });
});

describe("count pipelines", () => {
  it("countDocuments with skip and limit", async () => {
    const c = db.collection("orders");
    expect(await c.countDocuments({})).toBe(3);
    expect(await c.countDocuments({ cust: "a" })).toBe(2);
    expect(await c.countDocuments({ cust: "zz" })).toBe(0);
    expect(await c.countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
    expect(await c.countDocuments({}, { skip: 5 })).toBe(0);
    const [g] = await c.aggregate([{ $group: { _id: null, total: { $sum: 1 } } }]).toArray();
    expect(g).toEqual({ _id: null, total: 3 });
  });
});

describe("leading $match/$sort/$skip/$limit", () => {
  it("returns the same results as the pipeline semantics", async () => {
    const c = db.collection("lead");
    await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ i, g: i % 5 })));
    await c.createIndex({ g: 1, i: -1 });
    const r = await c
      .aggregate([
        { $match: { g: 2 } },
        { $sort: { i: -1 } },
        { $skip: 1 },
        { $limit: 3 },
        { $project: { _id: 0, i: 1 } },
      ])
      .toArray();
    expect(r).toEqual([{ i: 42 }, { i: 37 }, { i: 32 }]);
    const top = await c
      .aggregate([{ $sort: { i: 1 } }, { $limit: 2 }, { $project: { _id: 0, i: 1 } }])
      .toArray();
    expect(top).toEqual([{ i: 0 }, { i: 1 }]);
  });
});
