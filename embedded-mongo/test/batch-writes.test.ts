import { type Db, MongoBulkWriteError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("batch");
  db = ctx.db;
});
afterAll(() => ctx.close());

describe("batch writes", () => {
  it("ordered insert stops at the first error and reports its index", async () => {
    const r = await db.command({
      insert: "ordered",
      documents: [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }],
    });
    expect(r.ok).toBe(1);
    expect(r.n).toBe(2);
    expect(r.writeErrors).toHaveLength(1);
    expect(r.writeErrors[0]).toMatchObject({ index: 2, code: 11000 });
    expect(r.writeErrors[0].errmsg).toContain("dup key: { _id: 1 }");
    expect(await db.collection("ordered").countDocuments()).toBe(2);
  });

  it("unordered insert continues and lists every error", async () => {
    const r = await db.command({
      insert: "unordered",
      documents: [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }],
      ordered: false,
    });
    expect(r.n).toBe(3);
    expect(r.writeErrors.map((e: { index: number; code: number }) => [e.index, e.code])).toEqual([
      [1, 11000],
      [3, 11000],
    ]);
  });

  it("surfaces as MongoBulkWriteError through insertMany / bulkWrite", async () => {
    const c = db.collection<{ _id: number; v?: number }>("bulk");
    const e = await rejection(c.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }], { ordered: false }));
    expect(e).toBeInstanceOf(MongoBulkWriteError);
    const bulk = e as unknown as MongoBulkWriteError;
    expect(bulk.insertedCount).toBe(2);
    expect(bulk.writeErrors).toHaveLength(1);
    const res = await c.bulkWrite([
      { insertOne: { document: { _id: 10 } } },
      { updateOne: { filter: { _id: 10 }, update: { $set: { v: 1 } } } },
      { updateOne: { filter: { _id: 11 }, update: { $set: { v: 2 } }, upsert: true } },
      { deleteOne: { filter: { _id: 1 } } },
    ]);
    expect(res).toMatchObject({
      insertedCount: 1,
      matchedCount: 1,
      modifiedCount: 1,
      upsertedCount: 1,
      deletedCount: 1,
    });
  });

  it("reports per-statement update errors and upserted indexes", async () => {
    await db.collection("ustmt").createIndex({ k: 1 }, { unique: true });
    await db.collection("ustmt").insertMany([{ k: 1 }, { k: 2 }]);
    const r = await db.command({
      update: "ustmt",
      updates: [
        { q: { k: 5 }, u: { $set: { v: 1 } }, upsert: true },
        { q: { k: 2 }, u: { $set: { k: 1 } } },
        { q: { k: 6 }, u: { $set: { v: 1 } }, upsert: true },
      ],
      ordered: false,
    });
    expect(r.n).toBe(2);
    expect(r.nModified).toBe(0);
    expect(r.upserted.map((u: { index: number }) => u.index)).toEqual([0, 2]);
    expect(r.writeErrors).toHaveLength(1);
    expect(r.writeErrors[0]).toMatchObject({ index: 1, code: 11000 });
  });

  it("rejects a delete limit other than 0 or 1 for the whole command", async () => {
    const e = await rejection(db.command({ delete: "ordered", deletes: [{ q: {}, limit: 5 }] }));
    expect(e.code).toBe(9);
    expect(await db.collection("ordered").countDocuments()).toBe(2);
  });
});
