import { DBRef, type Db, ObjectId } from "mongodb";
import mongoose, { Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projector } from "../src/engine/projection.js";
import { connect, rejection } from "./support/target.js";

// Remaining issue #10 gaps: projection field order, DBRef fields in $elemMatch, index collation.
let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("gaps");
  db = ctx.db;
});
afterAll(() => ctx.close());

const keys = (d: object) => Object.keys(d);

describe("projection field order (MongoDB: _id, then the document's order, then computed)", () => {
  beforeAll(async () => {
    await db.collection("order").insertOne({ b: 1, a: 2, _id: 5 as never, c: { y: 1, x: 2 } });
  });

  it("find inclusion keeps the document's order", async () => {
    const [d] = await db
      .collection("order")
      .find({}, { projection: { a: 1, b: 1 } })
      .toArray();
    expect(d && keys(d)).toEqual(["_id", "b", "a"]);
  });

  it("find with an expression: included fields first (nested too), computed last", async () => {
    const [d] = await db
      .collection("order")
      .find({}, { projection: { z: "$b", "c.x": 1, a: 1, "c.y": 1 } })
      .toArray();
    expect(d).toEqual({ _id: 5, a: 2, c: { y: 1, x: 2 }, z: 1 });
    expect(d && keys(d)).toEqual(["_id", "a", "c", "z"]);
    expect(d && keys(d.c)).toEqual(["y", "x"]);
  });

  it("aggregation $project", async () => {
    const [d] = await db
      .collection("order")
      .aggregate([{ $project: { z: "$b", a: 1, b: 1, _id: 1 } }])
      .toArray();
    expect(d && keys(d)).toEqual(["_id", "b", "a", "z"]);
    const [e] = await db
      .collection("order")
      .aggregate([{ $project: { a: 1, _id: 0, c: { x: 1, y: 1 } } }])
      .toArray();
    expect(e).toEqual({ a: 2, c: { y: 1, x: 2 } });
    expect(e && keys(e.c)).toEqual(["y", "x"]);
  });

  it("exclusion keeps the document's order", async () => {
    const [d] = await db
      .collection("order")
      .aggregate([{ $project: { c: 0 } }])
      .toArray();
    expect(d && keys(d)).toEqual(["_id", "b", "a"]);
  });

  it("projector (unit): order over arrays of subdocuments", () => {
    const p = projector({ "arr.q": 1, "arr.p": 1, n: { $add: [1, 1] } }, {});
    if (!p) throw new Error("a projection with fields has a projector");
    const out = p({ _id: 1, arr: [{ p: 1, q: 2, r: 3 }], other: 0 });
    expect(out).toEqual({ _id: 1, arr: [{ p: 1, q: 2 }], n: 2 });
    expect(keys((out.arr as object[])[0] as object)).toEqual(["p", "q"]);
  });
});

describe("DBRef fields in queries", () => {
  const a = new ObjectId();
  beforeAll(async () => {
    await db.collection("refs").insertMany([
      { _id: 1 as never, refs: [new DBRef("x", a), new DBRef("y", new ObjectId())] },
      { _id: 2 as never, refs: [new DBRef("x", new ObjectId())] },
    ]);
  });
  const ids = async (filter: object) =>
    (await db.collection("refs").find(filter).toArray()).map((d) => d._id);

  it("$elemMatch on $id, on $ref, and on both (a whole DBRef)", async () => {
    expect(await ids({ refs: { $elemMatch: { $id: a } } })).toEqual([1]);
    expect(await ids({ refs: { $elemMatch: { $ref: "x" } } })).toEqual([1, 2]);
    expect(await ids({ refs: { $elemMatch: { $ref: "x", $id: a } } })).toEqual([1]);
    expect(await ids({ refs: { $elemMatch: { $ref: "y", $id: a } } })).toEqual([]);
  });

  it("a dotted path through the array: refs.$id", async () => {
    expect(await ids({ "refs.$id": a })).toEqual([1]);
  });
});

describe("index collation", () => {
  const strength2 = { locale: "en", strength: 2 };

  it("a unique index with strength 2 refuses case variants and lists its collation", async () => {
    const c = db.collection("emails");
    await c.createIndex({ email: 1 }, { unique: true, collation: strength2 });
    await c.insertOne({ email: "a@x.com" });
    const e = await rejection(c.insertOne({ email: "A@X.COM" }));
    expect(e.code).toBe(11000);
    await c.insertOne({ email: "b@x.com" });
    const ix = (await c.listIndexes().toArray()).find((i) => i.name === "email_1");
    expect(ix?.collation).toMatchObject({ locale: "en", strength: 2, caseLevel: false });
  });

  it("a query with the index's collation still finds by a case variant", async () => {
    const r = await db.collection("emails").find({ email: "B@X.com" }, { collation: strength2 }).toArray();
    expect(r.map((d) => d.email)).toEqual(["b@x.com"]);
  });

  it("mongoose syncIndexes keeps a collated index (drops and rebuilds nothing)", async () => {
    const conn = await mongoose
      .createConnection(ctx.target.uri, { dbName: ctx.target.dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    try {
      const S = new Schema({ email: String });
      S.index({ email: 1 }, { unique: true, collation: strength2 });
      const M = conn.model("SyncUser", S);
      await M.syncIndexes();
      expect(await M.syncIndexes()).toEqual([]);
      const diff = await M.diffIndexes();
      expect(diff).toEqual({ toDrop: [], toCreate: [] });
    } finally {
      await conn.close();
    }
  });
});

describe("time-series collections", () => {
  it("accept documents with the same _id (no unique _id index), and find them all", async () => {
    await db.createCollection("ts", { timeseries: { timeField: "t", metaField: "m" } });
    const c = db.collection("ts");
    await c.insertMany([
      { _id: 1 as never, t: new Date(2) },
      { _id: 1 as never, t: new Date(1) },
    ]);
    await c.insertOne({ _id: 1 as never, t: new Date(3) });
    const all = await c.find({}, { sort: { t: 1 } }).toArray();
    expect(all.map((d) => d.t.getTime())).toEqual([1, 2, 3]);
    expect(await c.countDocuments({ _id: 1 as never })).toBe(3);
  });

  it("a plain collection still refuses a duplicate _id", async () => {
    const c = db.collection("plain");
    await c.insertOne({ _id: 1 as never });
    expect((await rejection(c.insertOne({ _id: 1 as never }))).code).toBe(11000);
  });
});
