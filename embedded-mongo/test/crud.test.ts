import { type Db, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, REAL, rejection } from "./support/target.js";

interface Grade {
  g: number;
  top?: boolean;
  low?: boolean;
}

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("crud");
  db = ctx.db;
});
afterAll(() => ctx.close());

describe("insert and find", () => {
  it("round-trips BSON types and puts _id first", async () => {
    const c = db.collection("types");
    const when = new Date("2024-01-02T03:04:05.678Z");
    const oid = new ObjectId();
    await c.insertOne({ s: "x", n: 1.5, i: 7, d: when, o: oid, arr: [1, "a"], sub: { k: true }, nil: null });
    const doc = await c.findOne({ o: oid });
    expect(Object.keys(doc ?? {})[0]).toBe("_id");
    expect(doc).toMatchObject({ s: "x", n: 1.5, i: 7, d: when, arr: [1, "a"], sub: { k: true }, nil: null });
    expect(doc?.o).toBeInstanceOf(ObjectId);
    expect(doc?.o.equals(oid)).toBe(true);
  });

  it("filters, projects, sorts, skips and limits", async () => {
    const c = db.collection("people");
    await c.insertMany([
      { name: "ann", age: 31, city: "oslo" },
      { name: "bob", age: 25, city: "rome" },
      { name: "cid", age: 40, city: "oslo" },
      { name: "dee", age: 19, city: "lima" },
    ]);
    const rows = await c
      .find({ age: { $gte: 20 } }, { projection: { _id: 0, name: 1 } })
      .sort({ age: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(rows).toEqual([{ name: "ann" }, { name: "bob" }]);
    expect(await c.countDocuments({ city: "oslo" })).toBe(2);
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect(await c.distinct("city")).toEqual(["lima", "oslo", "rome"]);
    const ex = await c
      .find({}, { projection: { age: 0, _id: 0 } })
      .sort({ name: 1 })
      .limit(1)
      .toArray();
    expect(ex).toEqual([{ name: "ann", city: "oslo" }]);
  });

  it("matches ObjectIds, Dates and $in / regex / $exists / $elemMatch", async () => {
    const c = db.collection("match");
    const ids: ObjectId[] = [new ObjectId(), new ObjectId(), new ObjectId()];
    await c.insertMany(
      ids.map((_id, i) => ({ _id, at: new Date(1000 * i), tags: [`t${i}`, "all"], r: [{ k: i }] })),
    );
    expect(await c.countDocuments({ _id: { $in: [ids[0] as ObjectId, ids[2] as ObjectId] } })).toBe(2);
    expect(await c.countDocuments({ at: { $gt: new Date(500) } })).toBe(2);
    expect(await c.countDocuments({ tags: "all" })).toBe(3);
    expect(await c.countDocuments({ tags: { $regex: "^t[01]$" } })).toBe(2);
    expect(await c.countDocuments({ missing: { $exists: false } })).toBe(3);
    expect(await c.countDocuments({ r: { $elemMatch: { k: { $gte: 1 } } } })).toBe(2);
  });
});

describe("update", () => {
  it("updates one / many with operators and reports n / nModified", async () => {
    const c = db.collection<{ k: number; v: number; log?: string[] }>("upd");
    await c.insertMany([
      { k: 1, v: 0 },
      { k: 1, v: 0 },
      { k: 2, v: 0 },
    ]);
    const one = await c.updateOne({ k: 1 }, { $inc: { v: 1 } });
    expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const many = await c.updateMany({ k: 1 }, { $set: { v: 5 }, $push: { log: "x" } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const noop = await c.updateMany({ k: 1 }, { $set: { v: 5 } });
    expect(noop).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
    const none = await c.updateOne({ k: 99 }, { $set: { v: 1 } });
    expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
  });

  it("upserts with $setOnInsert and equality fields from the query", async () => {
    const c = db.collection("ups");
    const r = await c.updateOne(
      { email: "a@b", tier: { $eq: "gold" } },
      { $set: { seen: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(r.upsertedCount).toBe(1);
    expect(r.upsertedId).toBeInstanceOf(ObjectId);
    const doc = await c.findOne({ _id: r.upsertedId ?? undefined }, { projection: { _id: 0 } });
    expect(doc).toEqual({ email: "a@b", tier: "gold", seen: 1, created: true });
    const again = await c.updateOne(
      { email: "a@b" },
      { $set: { seen: 2 }, $setOnInsert: { created: false } },
      { upsert: true },
    );
    expect(again).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect((await c.findOne({ email: "a@b" }))?.created).toBe(true);
  });

  it("supports arrayFilters, positional $, $push modifiers and $addToSet", async () => {
    const c = db.collection<{ _id: number; grades: Grade[]; tags: string[]; nums?: number[] }>("arr");
    await c.insertOne({ _id: 1, grades: [{ g: 80 }, { g: 95 }, { g: 60 }], tags: ["a"] });
    await c.updateOne(
      { _id: 1 },
      { $set: { "grades.$[hi].top": true } },
      { arrayFilters: [{ "hi.g": { $gte: 90 } }] },
    );
    await c.updateOne({ _id: 1, "grades.g": 60 }, { $set: { "grades.$.low": true } });
    await c.updateOne(
      { _id: 1 },
      { $push: { nums: { $each: [3, 1, 2], $sort: 1, $slice: 2 } }, $addToSet: { tags: "a" } },
    );
    const d = await c.findOne({ _id: 1 });
    expect(d?.grades).toEqual([{ g: 80 }, { g: 95, top: true }, { g: 60, low: true }]);
    expect(d?.nums).toEqual([1, 2]);
    expect(d?.tags).toEqual(["a"]);
  });

  it("supports replacement and pipeline-style updates", async () => {
    const c = db.collection("repl");
    const { insertedId } = await c.insertOne({ a: 1, b: 2 });
    await c.replaceOne({ _id: insertedId }, { z: 9 });
    expect(await c.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual({ z: 9 });
    await c.updateOne({ _id: insertedId }, [{ $set: { y: { $add: ["$z", 1] } } }]);
    expect(await c.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual({ z: 9, y: 10 });
  });

  it("refuses to change _id and to $inc a string", async () => {
    const c = db.collection("immut");
    const { insertedId } = await c.insertOne({ s: "x" });
    const e1 = await rejection(c.updateOne({ _id: insertedId }, { $set: { _id: new ObjectId() } }));
    expect(e1.code).toBe(66);
    const e2 = await rejection(c.updateOne({ _id: insertedId }, { $inc: { s: 1 } }));
    expect(e2.code).toBe(14);
    const e3 = await rejection(c.updateOne({ _id: insertedId }, { $set: { a: 1 }, $unset: { a: "" } }));
    expect(e3.code).toBe(40);
    const e4 = await rejection(
      db.command({ update: "immut", updates: [{ q: {}, u: { $bogus: { a: 1 } } }] }).then((r) => {
        if (r.writeErrors) throw Object.assign(new Error(r.writeErrors[0].errmsg), r.writeErrors[0]);
      }),
    );
    expect(e4.code).toBe(9);
  });
});

describe("delete", () => {
  it("deletes one and many", async () => {
    const c = db.collection("del");
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect((await c.deleteMany({ k: 3 })).deletedCount).toBe(0);
    expect(await c.countDocuments()).toBe(1);
  });
});

describe("server-side scripts", () => {
  it.skipIf(REAL)("are disabled ($where, $function)", async () => {
    const c = db.collection("people");
    expect((await rejection(c.find({ $where: "this.age > 1" }).toArray())).message).toMatch(/scriptEnabled/);
    const fn = { $function: { body: "function() { return 1 }", args: [], lang: "js" } };
    expect((await rejection(c.aggregate([{ $project: { x: fn } }]).toArray())).message).toMatch(
      /scriptEnabled/,
    );
  });
});

describe("document size", () => {
  it("refuses an update that grows a document past 16 MiB", async () => {
    const c = db.collection("grow");
    const { insertedId } = await c.insertOne({ a: "x".repeat(9 * 1024 * 1024) });
    const e = await rejection(c.updateOne({ _id: insertedId }, { $set: { b: "y".repeat(9 * 1024 * 1024) } }));
    expect(e.code).toBe(17419);
    expect((await c.findOne({ _id: insertedId }, { projection: { b: 1 } }))?.b).toBeUndefined();
  });
});
