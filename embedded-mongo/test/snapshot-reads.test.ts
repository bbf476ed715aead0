import { type Db, type MongoClient, Timestamp } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, REAL, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;
let client: MongoClient;
/** A cluster time from before any snapshot read of this file, with writes after it. */
let beforeSnapshots: Timestamp;

beforeAll(async () => {
  ctx = await connect("snapshot_reads");
  db = ctx.db;
  client = ctx.client;
  const r = await db.command({ insert: "snap_old", documents: [{ v: 1 }] });
  beforeSnapshots = r.operationTime as Timestamp;
  await db.collection("snap_old").updateMany({}, { $set: { v: 2 } });
});
afterAll(() => ctx.close());

const ids = (docs: { _id: unknown }[]) => docs.map((d) => d._id);

describe("snapshot reads outside transactions (readConcern snapshot, atClusterTime)", () => {
  it("a snapshot session keeps reading the state of its first read, whatever is written since", async () => {
    const c = db.collection<{ _id: number; x: number; k?: string }>("snap");
    await c.createIndex({ x: 1 });
    await c.insertMany([
      { _id: 1, x: 10, k: "a" },
      { _id: 2, x: 20, k: "b" },
      { _id: 3, x: 30, k: "a" },
    ]);
    const s = client.startSession({ snapshot: true });
    try {
      expect(ids(await c.find({}, { session: s }).sort({ _id: 1 }).toArray())).toEqual([1, 2, 3]);
      await c.updateOne({ _id: 1 }, { $set: { x: 11 } });
      await c.deleteOne({ _id: 2 });
      await c.insertOne({ _id: 4, x: 40, k: "c" });
      await c.updateOne({ _id: 3 }, { $set: { k: "z" } });
      // The index on x holds the new values; the snapshot still answers with the old ones.
      expect(
        await c
          .find({ x: { $gte: 10, $lte: 20 } }, { session: s })
          .sort({ _id: 1 })
          .toArray(),
      ).toEqual([
        { _id: 1, x: 10, k: "a" },
        { _id: 2, x: 20, k: "b" },
      ]);
      expect((await c.distinct("k", {}, { session: s })).sort()).toEqual(["a", "b"]);
      const grouped = await c
        .aggregate([{ $group: { _id: null, n: { $sum: 1 }, x: { $sum: "$x" } } }], { session: s })
        .toArray();
      expect(grouped).toEqual([{ _id: null, n: 3, x: 60 }]);
      expect(await c.countDocuments({}, { session: s })).toBe(3);
      // Outside the snapshot: the present.
      expect(ids(await c.find({}).sort({ _id: 1 }).toArray())).toEqual([1, 3, 4]);
    } finally {
      await s.endSession();
    }
  });

  it("two snapshot sessions started at different times each see their own time", async () => {
    const c = db.collection<{ _id: number; v: number }>("snap_two");
    await c.insertOne({ _id: 1, v: 1 });
    const s1 = client.startSession({ snapshot: true });
    const s2 = client.startSession({ snapshot: true });
    try {
      expect((await c.findOne({ _id: 1 }, { session: s1 }))?.v).toBe(1);
      await c.updateOne({ _id: 1 }, { $inc: { v: 1 } });
      expect((await c.findOne({ _id: 1 }, { session: s2 }))?.v).toBe(2);
      await c.updateOne({ _id: 1 }, { $inc: { v: 1 } });
      expect((await c.findOne({ _id: 1 }, { session: s1 }))?.v).toBe(1);
      expect((await c.findOne({ _id: 1 }, { session: s2 }))?.v).toBe(2);
      expect((await c.findOne({ _id: 1 }))?.v).toBe(3);
    } finally {
      await s1.endSession();
      await s2.endSession();
    }
  });

  it("the reply carries atClusterTime (in the cursor for find, top level for distinct)", async () => {
    await db.collection("snap_reply").insertOne({ a: 1 });
    const find = await db.command({ find: "snap_reply", readConcern: { level: "snapshot" } });
    expect(find.cursor.atClusterTime).toBeInstanceOf(Timestamp);
    const distinct = await db.command({
      distinct: "snap_reply",
      key: "a",
      readConcern: { level: "snapshot" },
    });
    expect(distinct.atClusterTime).toBeInstanceOf(Timestamp);
    const again = await db.command({
      find: "snap_reply",
      readConcern: { level: "snapshot", atClusterTime: find.cursor.atClusterTime },
    });
    expect(again.cursor.atClusterTime.equals(find.cursor.atClusterTime)).toBe(true);
  });

  it("an atClusterTime after the current cluster time is refused (InvalidOptions)", async () => {
    const future = new Timestamp({ t: Math.floor(Date.now() / 1000) + 3600, i: 1 });
    const e = await rejection(
      db.command({ find: "snap_reply", readConcern: { level: "snapshot", atClusterTime: future } }),
    );
    expect(e.codeName).toBe("InvalidOptions");
  });

  it.skipIf(REAL)("a time whose versions were not kept answers SnapshotTooOld (239)", async () => {
    // The store keeps versions from a snapshot read on, not for every write (README).
    await db.command({ find: "snap_old", readConcern: { level: "snapshot" } });
    const e = await rejection(
      db.command({ find: "snap_old", readConcern: { level: "snapshot", atClusterTime: beforeSnapshots } }),
    );
    expect(e.code).toBe(239);
    expect(e.codeName).toBe("SnapshotTooOld");
  });

  it("writes with readConcern snapshot outside a transaction are refused", async () => {
    const e = await rejection(
      db.command({ insert: "snap_reply", documents: [{ a: 2 }], readConcern: { level: "snapshot" } }),
    );
    expect(e.codeName).toBe("InvalidOptions");
  });
});
