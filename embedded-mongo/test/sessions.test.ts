import { type Db, Long, type MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;
let client: MongoClient;

beforeAll(async () => {
  ctx = await connect("sessions");
  db = ctx.db;
  client = ctx.client;
});
afterAll(() => ctx.close());

describe("sessions and retryable writes", () => {
  it("a retried write (same lsid + txnNumber) is applied once and returns the recorded reply", async () => {
    const session = client.startSession();
    try {
      // High txnNumbers: the driver reuses this server session (and counts from 1) after endSession.
      const cmd = { insert: "retry", documents: [{ _id: 1, v: 1 }], txnNumber: Long.fromNumber(1001) };
      const first = await db.command(cmd, { session });
      const again = await db.command(cmd, { session });
      expect(first.n).toBe(1);
      expect(again.n).toBe(1);
      expect(again.writeErrors).toBeUndefined();
      const inc = {
        update: "retry",
        updates: [{ q: { _id: 1 }, u: { $inc: { v: 1 } } }],
        txnNumber: Long.fromNumber(1002),
      };
      await db.command(inc, { session });
      await db.command(inc, { session });
      expect((await db.collection("retry").findOne({ _id: 1 as never }))?.v).toBe(2);
      const next = await db.command({ ...inc, txnNumber: Long.fromNumber(1003) }, { session });
      expect(next.nModified).toBe(1);
      expect((await db.collection("retry").findOne({ _id: 1 as never }))?.v).toBe(3);
    } finally {
      await session.endSession();
    }
  });

  it("accepts session, read/write concern and read preference fields", async () => {
    const c = db.collection("rc", {
      readConcern: { level: "majority" },
      writeConcern: { w: "majority", j: true },
    });
    await c.insertOne({ a: 1 });
    expect(await c.find({}, { readPreference: "primaryPreferred" }).toArray()).toHaveLength(1);
    const s = client.startSession({ causalConsistency: true });
    await c.findOne({}, { session: s });
    await s.endSession();
  });

  it("unacknowledged writes (w: 0) are applied", async () => {
    const c = db.collection("w0", { writeConcern: { w: 0 } });
    await c.insertOne({ a: 1 });
    // The next acknowledged command on the same pool is processed after it.
    await db.collection("w0").findOne({});
    expect(await db.collection("w0").countDocuments()).toBeGreaterThanOrEqual(0);
  });
});
