import type { Db, Document, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("indexes");
  db = ctx.db;
});
afterAll(() => ctx.close());

describe("unique indexes", () => {
  it("rejects duplicates with E11000, keyPattern and keyValue", async () => {
    const c = db.collection("users");
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: "a@x" });
    const e = (await rejection(c.insertOne({ email: "a@x" }))) as unknown as MongoServerError;
    expect(e.code).toBe(11000);
    expect(e.message).toContain(
      `E11000 duplicate key error collection: ${db.databaseName}.users index: email_1 dup key: { email: "a@x" }`,
    );
    expect(e.keyPattern).toEqual({ email: 1 });
    expect(e.keyValue).toEqual({ email: "a@x" });
  });

  it("enforces _id uniqueness", async () => {
    const c = db.collection("ids");
    await c.insertOne({ _id: 5 as never });
    const e = await rejection(c.insertOne({ _id: 5 as never }));
    expect(e.code).toBe(11000);
    expect(e.message).toContain("index: _id_ dup key: { _id: 5 }");
  });

  it("enforces compound and nested unique keys", async () => {
    const c = db.collection("compound");
    await c.createIndex({ "owner.id": 1, slug: 1 }, { unique: true });
    await c.insertMany([
      { owner: { id: 1 }, slug: "a" },
      { owner: { id: 1 }, slug: "b" },
      { owner: { id: 2 }, slug: "a" },
    ]);
    const e = await rejection(c.insertOne({ owner: { id: 1 }, slug: "a" }));
    expect(e.code).toBe(11000);
    expect(e.keyValue).toEqual({ "owner.id": 1, slug: "a" });
  });

  it("sparse unique ignores documents without the field; non-sparse treats missing as null", async () => {
    const s = db.collection("sparse");
    await s.createIndex({ nick: 1 }, { unique: true, sparse: true });
    await s.insertMany([{ a: 1 }, { a: 2 }, { nick: "x" }]);
    expect((await rejection(s.insertOne({ nick: "x" }))).code).toBe(11000);
    const d = db.collection("dense");
    await d.createIndex({ nick: 1 }, { unique: true });
    await d.insertOne({ a: 1 });
    const e = await rejection(d.insertOne({ a: 2 }));
    expect(e.code).toBe(11000);
    expect(e.keyValue).toEqual({ nick: null });
  });

  it("partial unique only constrains matching documents", async () => {
    const c = db.collection("partial");
    await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { email: "p", active: false },
      { email: "p", active: false },
      { email: "p", active: true },
    ]);
    expect((await rejection(c.insertOne({ email: "p", active: true }))).code).toBe(11000);
  });

  it("checks updates against unique indexes and leaves the document unchanged", async () => {
    const c = db.collection("upd_unique");
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertMany([{ k: 1 }, { k: 2 }]);
    expect((await rejection(c.updateOne({ k: 2 }, { $set: { k: 1 } }))).code).toBe(11000);
    expect(await c.countDocuments({ k: 2 })).toBe(1);
  });

  it("fails to build a unique index over existing duplicates", async () => {
    const c = db.collection("build_dup");
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    expect((await rejection(c.createIndex({ k: 1 }, { unique: true }))).code).toBe(11000);
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_"]);
  });
});

describe("index management", () => {
  it("creates, lists and drops indexes with MongoDB's reply shapes", async () => {
    const c = db.collection("mgmt");
    const r = await db.command({
      createIndexes: "mgmt",
      indexes: [
        { key: { a: 1 }, name: "a_1" },
        { key: { b: -1, c: 1 }, name: "bc", unique: true },
      ],
    });
    expect(r).toMatchObject({
      numIndexesBefore: 1,
      numIndexesAfter: 3,
      createdCollectionAutomatically: true,
      ok: 1,
    });
    const again = await db.command({ createIndexes: "mgmt", indexes: [{ key: { a: 1 }, name: "a_1" }] });
    expect(again).toMatchObject({ numIndexesBefore: 3, numIndexesAfter: 3, ok: 1 });
    const list = await c.listIndexes().toArray();
    expect(list.map((i: Document) => [i.name, i.key, i.unique ?? false])).toEqual([
      ["_id_", { _id: 1 }, false],
      ["a_1", { a: 1 }, false],
      ["bc", { b: -1, c: 1 }, true],
    ]);
    const conflict = await rejection(
      db.command({ createIndexes: "mgmt", indexes: [{ key: { z: 1 }, name: "a_1" }] }),
    );
    expect(conflict.code).toBe(86);
    const dupName = await rejection(
      db.command({ createIndexes: "mgmt", indexes: [{ key: { a: 1 }, name: "other" }] }),
    );
    expect(dupName.code).toBe(85);
    await c.dropIndex("a_1");
    expect((await rejection(c.dropIndex("a_1"))).code).toBe(27);
    expect((await rejection(c.dropIndex("_id_"))).code).toBe(72);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).length).toBe(1);
    expect((await rejection(db.collection("nope").listIndexes().toArray())).code).toBe(26);
  });
});

describe("index use", () => {
  const N = 100_000;

  beforeAll(async () => {
    const c = db.collection("big");
    const docs = Array.from({ length: N }, (_, i) => ({
      n: i,
      k: `key${i}`,
      bucket: i % 100,
      at: new Date(i * 1000),
    }));
    for (let i = 0; i < N; i += 10_000) await c.insertMany(docs.slice(i, i + 10_000));
    await c.createIndex({ k: 1 });
    await c.createIndex({ bucket: 1, n: -1 });
    await c.createIndex({ at: 1 });
  }, 120_000);

  async function examined(
    filter: Document,
    sort?: Document,
    limit?: number,
  ): Promise<{ docs: number; returned: number }> {
    const find: Document = { find: "big", filter };
    if (sort) find.sort = sort;
    if (limit) find.limit = limit;
    const r = await db.command({ explain: find, verbosity: "executionStats" });
    return { docs: r.executionStats.totalDocsExamined, returned: r.executionStats.nReturned };
  }

  it("equality on an indexed field examines only the matches", async () => {
    expect(await examined({ k: "key4242" })).toEqual({ docs: 1, returned: 1 });
    expect(await examined({ k: { $in: ["key1", "key2", "nope"] } })).toEqual({ docs: 2, returned: 2 });
  });

  it("ranges and compound prefixes use the index", async () => {
    expect(await examined({ at: { $gte: new Date(10_000), $lt: new Date(20_000) } })).toEqual({
      docs: 10,
      returned: 10,
    });
    expect(await examined({ bucket: 7, n: { $gt: 99_000 } })).toEqual({ docs: 10, returned: 10 });
    expect((await examined({ bucket: 7 })).docs).toBe(1000);
  });

  it("a sort on an indexed field with a limit stops early", async () => {
    const r = await examined({}, { k: 1 }, 5);
    expect(r.returned).toBe(5);
    expect(r.docs).toBeLessThanOrEqual(5);
  });

  it("an equality prefix plus a sort on the next index field needs no in-memory sort", async () => {
    expect(await examined({ bucket: 7 }, { n: -1 }, 5)).toEqual({ docs: 5, returned: 5 });
    expect(await examined({ bucket: 7 }, { bucket: 1, n: 1 }, 5)).toEqual({ docs: 5, returned: 5 });
    const c = db.collection("big");
    const desc = await c.find({ bucket: 7 }).sort({ n: -1 }).limit(3).toArray();
    expect(desc.map((d) => d.n)).toEqual([99_907, 99_807, 99_707]);
    const asc = await c.find({ bucket: 7 }).sort({ n: 1 }).limit(3).toArray();
    expect(asc.map((d) => d.n)).toEqual([7, 107, 207]);
    const range = await c
      .find({ at: { $gte: new Date(50_000_000) } })
      .sort({ at: -1 })
      .limit(2)
      .toArray();
    expect(range.map((d) => d.n)).toEqual([99_999, 99_998]);
  });

  it("pages by _id ranges and sorts without scanning", async () => {
    const c = db.collection("big");
    const first = await c
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(3)
      .toArray();
    expect(first).toHaveLength(3);
    expect(await examined({}, { _id: -1 }, 3)).toEqual({ docs: 3, returned: 3 });
    const after = first[2]?._id;
    expect(await examined({ _id: { $gt: after } }, { _id: 1 }, 5)).toEqual({ docs: 5, returned: 5 });
    const page = await c
      .find({ _id: { $gt: after } })
      .sort({ _id: 1 })
      .limit(2)
      .toArray();
    expect(page.map((d) => d.n)).toEqual([3, 4]);
  });

  it("serves keyset pagination over { parent, deletedAt: null, _id > after } from one compound index", async () => {
    const c = db.collection("notes");
    await c.createIndex({ versionId: 1, deletedAt: 1, _id: 1 });
    await c.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        versionId: i % 3,
        n: i,
        ...(i % 10 === 0 ? { deletedAt: new Date() } : {}),
      })),
    );
    const firstPage = await c.find({ versionId: 1, deletedAt: null }).sort({ _id: 1 }).limit(20).toArray();
    expect(firstPage).toHaveLength(20);
    const after = firstPage[19]?._id;
    const filter = { versionId: 1, deletedAt: null, _id: { $gt: after } };
    const r = await db.command({
      explain: { find: "notes", filter, sort: { _id: 1 }, limit: 20 },
      verbosity: "executionStats",
    });
    expect(r.executionStats.totalDocsExamined).toBe(20);
    const next = await c.find(filter).sort({ _id: 1 }).limit(20).toArray();
    expect(next[0]?.n).toBeGreaterThan(firstPage[19]?.n);
    expect(next.every((d) => d.versionId === 1 && d.deletedAt === undefined)).toBe(true);
  });

  it("an indexed find is much faster than a scan", async () => {
    const c = db.collection("big");
    // Medians of interleaved samples, so a busy machine slows both sides alike.
    const once = async (filter: Document) => {
      const t0 = performance.now();
      await c.findOne(filter);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const indexed: number[] = [];
    const scan: number[] = [];
    for (let round = 0; round < 7; round++) {
      for (let i = 0; i < 10; i++) indexed.push(await once({ k: `key${round * 10 + i}` }));
      scan.push(await once({ n2: round }));
    }
    expect(median(scan) / median(indexed)).toBeGreaterThan(5);
  });
});
