import { type Db, type Document, Long } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("cursors");
  db = ctx.db;
  await db.collection("nums").insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
});
afterAll(() => ctx.close());

/** Run a command keeping cursor ids as Long (the driver promotes them to numbers by default). */
const run = (cmd: Document) => db.command(cmd, { promoteLongs: false });

describe("cursors", () => {
  it("returns 101 documents in the first batch by default and the rest via getMore", async () => {
    const first = await run({ find: "nums", sort: { i: 1 } });
    expect(first.cursor.firstBatch).toHaveLength(101);
    expect(first.cursor.ns).toBe(`${db.databaseName}.nums`);
    expect(first.cursor.id).toBeInstanceOf(Long);
    expect(first.cursor.id.isZero()).toBe(false);
    const more = await run({ getMore: first.cursor.id, collection: "nums", batchSize: 100 });
    expect(more.cursor.nextBatch).toHaveLength(100);
    expect(more.cursor.nextBatch[0].i).toBe(101);
    const last = await run({ getMore: first.cursor.id, collection: "nums" });
    expect(last.cursor.nextBatch).toHaveLength(49);
    expect(last.cursor.id.isZero()).toBe(true);
    const gone = await rejection(run({ getMore: first.cursor.id, collection: "nums" }));
    expect(gone.code).toBe(43);
  });

  it("iterates everything through the driver with small batches", async () => {
    const all = await db.collection("nums").find({}, { batchSize: 7 }).sort({ i: -1 }).toArray();
    expect(all).toHaveLength(250);
    expect(all[0]?.i).toBe(249);
  });

  it("singleBatch and limit close the cursor", async () => {
    const r = await run({ find: "nums", batchSize: 5, singleBatch: true });
    expect(r.cursor.firstBatch).toHaveLength(5);
    expect(r.cursor.id.isZero()).toBe(true);
    const lim = await run({ find: "nums", limit: 3 });
    expect(lim.cursor.firstBatch).toHaveLength(3);
    expect(lim.cursor.id.isZero()).toBe(true);
  });

  it("killCursors answers with MongoDB's shape", async () => {
    const r = await run({ find: "nums", batchSize: 2 });
    const k = await run({ killCursors: "nums", cursors: [r.cursor.id, Long.fromNumber(12345)] });
    expect(k.cursorsKilled).toEqual([r.cursor.id]);
    expect(k.cursorsNotFound).toEqual([Long.fromNumber(12345)]);
    expect(k.cursorsAlive).toEqual([]);
    expect(k.cursorsUnknown).toEqual([]);
    expect((await rejection(run({ getMore: r.cursor.id, collection: "nums" }))).code).toBe(43);
  });

  it("driver cursors can be closed early", async () => {
    const cur = db.collection("nums").find({}, { batchSize: 10 });
    expect(await cur.next()).not.toBeNull();
    const id = cur.id;
    await cur.close();
    expect(id).toBeDefined();
    expect((await rejection(run({ getMore: id, collection: "nums" }))).code).toBe(43);
  });
});
