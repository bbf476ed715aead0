import {
  type ClientSession,
  type Db,
  type Document,
  Long,
  type MongoClient,
  MongoServerError,
  UUID,
} from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opMsg, RawClient } from "./support/raw-client.js";
import { connect, REAL, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;
let client: MongoClient;

beforeAll(async () => {
  ctx = await connect("txn");
  db = ctx.db;
  client = ctx.client;
});
afterAll(() => ctx.close());

/**
 * Commands with a session id of our own choosing: the driver puts its pooled sessions' lsid on
 * everything it sends, and their txnNumbers must stay the driver's.
 */
async function rawSession() {
  const url = new URL(ctx.target.uri);
  const raw = await RawClient.open(url.hostname, Number(url.port || 27017));
  const lsid = { id: new UUID() };
  let requestId = 1;
  return {
    lsid,
    async run(cmd: Document, dbName = db.databaseName): Promise<Document> {
      raw.send(opMsg({ ...cmd, lsid, $db: dbName }, { requestId: requestId++ }));
      const r = await raw.reply();
      if (!r) throw new Error("connection closed");
      return r.body;
    },
    close: () => raw.close(),
  };
}

/** Run `fn` in a started transaction on a fresh session; the session ends afterwards. */
async function inSession<T>(fn: (s: ClientSession) => Promise<T>): Promise<T> {
  const s = client.startSession();
  try {
    return await fn(s);
  } finally {
    await s.endSession();
  }
}

describe("multi-document transactions (driver)", () => {
  it("withTransaction commits writes to several collections together; others see them only after commit", async () => {
    const a = db.collection("accounts");
    const log = db.collection("ledger");
    await a.insertMany([
      { _id: "x" as never, balance: 100 },
      { _id: "y" as never, balance: 0 },
    ]);
    await log.insertOne({ _id: "seed" as never });
    await inSession((s) =>
      s.withTransaction(async () => {
        await a.updateOne({ _id: "x" as never }, { $inc: { balance: -30 } }, { session: s });
        await a.updateOne({ _id: "y" as never }, { $inc: { balance: 30 } }, { session: s });
        await log.insertOne({ _id: "t1" as never, amount: 30 }, { session: s });
        // Own writes are visible inside, invisible outside.
        expect((await a.findOne({ _id: "x" as never }, { session: s }))?.balance).toBe(70);
        expect((await a.findOne({ _id: "x" as never }))?.balance).toBe(100);
        expect(await log.countDocuments({}, { session: s })).toBe(2);
        expect(await log.countDocuments()).toBe(1);
      }),
    );
    expect((await a.find().sort({ _id: 1 }).toArray()).map((d) => d.balance)).toEqual([70, 30]);
    expect(await log.countDocuments()).toBe(2);
  });

  it("reads see the snapshot of the first operation plus own writes", async () => {
    const c = db.collection("snap");
    await c.createIndex({ k: 1 });
    await c.insertMany([
      { _id: 1 as never, k: 1, v: "a" },
      { _id: 2 as never, k: 2, v: "b" },
    ]);
    await inSession(async (s) => {
      s.startTransaction({ readConcern: { level: "snapshot" } });
      expect(await c.countDocuments({}, { session: s })).toBe(2);
      // Committed by someone else after the snapshot: invisible to the transaction.
      await c.updateOne({ _id: 1 as never }, { $set: { k: 10, v: "changed" } });
      await c.insertOne({ _id: 3 as never, k: 3, v: "new" });
      await c.deleteOne({ _id: 2 as never });
      await c.insertOne({ _id: 4 as never, k: 4 }, { session: s });
      await c.updateOne({ _id: 1 as never }, { $set: { w: 1 } }, { session: s }).catch((e) => e);
      // (that update conflicts: _id 1 changed after the snapshot; the transaction is aborted)
      await s.abortTransaction().catch(() => {});

      s.startTransaction();
      const first = await c.find({}, { session: s }).sort({ k: 1 }).toArray();
      await c.updateOne({ _id: 3 as never }, { $set: { k: 0 } });
      await c.insertOne({ _id: 5 as never, k: 5 }, { session: s });
      // Index on k: _id 3 moved to k 0 after the snapshot, but the snapshot still has it at k 3.
      const byIndex = await c
        .find({ k: { $gte: 3 } }, { session: s })
        .sort({ k: 1 })
        .toArray();
      expect(first.map((d) => d._id)).toEqual([3, 1]);
      expect(byIndex.map((d) => d._id)).toEqual([3, 5, 1]);
      expect(await c.findOne({ _id: 3 as never }, { session: s })).toMatchObject({ k: 3 });
      await s.commitTransaction();
    });
    expect((await c.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 3, 5]);
  });

  it("a write-write conflict answers WriteConflict (112) with TransientTransactionError, and withTransaction retries", async () => {
    const c = db.collection("counter");
    await c.insertOne({ _id: "n" as never, n: 0 });
    const s1 = client.startSession();
    const s2 = client.startSession();
    try {
      s1.startTransaction();
      s2.startTransaction();
      await c.updateOne({ _id: "n" as never }, { $inc: { n: 1 } }, { session: s1 });
      const e = await rejection(c.updateOne({ _id: "n" as never }, { $inc: { n: 1 } }, { session: s2 }));
      expect(e).toBeInstanceOf(MongoServerError);
      expect(e.code).toBe(112);
      expect((e as unknown as MongoServerError).hasErrorLabel("TransientTransactionError")).toBe(true);
      await s2.abortTransaction();
      await s1.commitTransaction();
    } finally {
      await s1.endSession();
      await s2.endSession();
    }
    // Many concurrent incrementing transactions: every one lands exactly once.
    await Promise.all(
      Array.from({ length: 8 }, () =>
        inSession((s) =>
          s.withTransaction(async () => {
            const cur = await c.findOne({ _id: "n" as never }, { session: s });
            await c.updateOne({ _id: "n" as never }, { $set: { n: (cur?.n as number) + 1 } }, { session: s });
          }),
        ),
      ),
    );
    expect((await c.findOne({ _id: "n" as never }))?.n).toBe(9);
  });

  it("a write outside any transaction on a document a transaction holds waits for its commit", async () => {
    const c = db.collection<{ _id: number; v: number; tags: string[] }>("held");
    await c.insertOne({ _id: 1, v: 0, tags: [] });
    await inSession(async (s) => {
      s.startTransaction();
      await c.updateOne({ _id: 1 }, { $set: { v: 1 } }, { session: s });
      let settled = false;
      const outside = c.updateOne({ _id: 1 }, { $push: { tags: "outside" } }).then((r) => {
        settled = true;
        return r;
      });
      // A write round-trip on another document: the blocked write has been seen by the server by now.
      await c.insertOne({ _id: 2, v: 0, tags: [] });
      expect(settled).toBe(false);
      await s.commitTransaction();
      expect((await outside).modifiedCount).toBe(1);
    });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, v: 1, tags: ["outside"] });
  });

  it("abort discards every write; later statements answer NoSuchTransaction (251)", async () => {
    const c = db.collection("aborted");
    await inSession(async (s) => {
      s.startTransaction();
      await c.insertOne({ _id: 1 as never }, { session: s });
      await c.insertOne({ _id: 2 as never }, { session: s });
      await s.abortTransaction();
    });
    expect(await c.countDocuments()).toBe(0);
    const r = await rawSession();
    try {
      const base = { txnNumber: Long.fromNumber(7), autocommit: false };
      expect(
        (await r.run({ insert: "aborted", documents: [{ _id: 3 }], startTransaction: true, ...base })).ok,
      ).toBe(1);
      expect((await r.run({ abortTransaction: 1, ...base }, "admin")).ok).toBe(1);
      const e = await r.run({ find: "aborted", ...base });
      expect(e).toMatchObject({ ok: 0, code: 251, codeName: "NoSuchTransaction" });
      expect(e.errorLabels).toContain("TransientTransactionError");
      const never = await r.run(
        { commitTransaction: 1, txnNumber: Long.fromNumber(99), autocommit: false },
        "admin",
      );
      expect(never).toMatchObject({ ok: 0, code: 251 });
      const old = await r.run({
        find: "aborted",
        txnNumber: Long.fromNumber(5),
        autocommit: false,
        startTransaction: true,
      });
      expect(old).toMatchObject({ ok: 0, code: 225, codeName: "TransactionTooOld" });
    } finally {
      r.close();
    }
  });

  it("commitTransaction retried with the same txnNumber answers ok; writeConcern on commit is accepted", async () => {
    const r = await rawSession();
    try {
      const base = { txnNumber: Long.fromNumber(3), autocommit: false };
      expect(
        (await r.run({ insert: "retried", documents: [{ _id: 1 }], startTransaction: true, ...base })).ok,
      ).toBe(1);
      const commit = { commitTransaction: 1, ...base, writeConcern: { w: "majority" } };
      expect((await r.run(commit, "admin")).ok).toBe(1);
      expect((await r.run({ ...commit, recoveryToken: {} }, "admin")).ok).toBe(1);
      const after = await r.run({ abortTransaction: 1, ...base }, "admin");
      expect(after).toMatchObject({ ok: 0, codeName: "TransactionCommitted" });
    } finally {
      r.close();
    }
    expect(await db.collection("retried").countDocuments()).toBe(1);
  });

  it("a duplicate key inside a transaction aborts it; a unique index sees the transaction's own delete", async () => {
    const c = db.collection("uniq");
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ _id: 1 as never, email: "a@x" });
    await inSession(async (s) => {
      s.startTransaction();
      const dup = await rejection(c.insertOne({ _id: 2 as never, email: "a@x" }, { session: s }));
      expect(dup.code).toBe(11000);
      await expect(s.commitTransaction()).rejects.toMatchObject({ code: 251 });
    });
    await inSession((s) =>
      s.withTransaction(async () => {
        await c.deleteOne({ _id: 1 as never }, { session: s });
        await c.insertOne({ _id: 2 as never, email: "a@x" }, { session: s });
      }),
    );
    expect(await c.find().toArray()).toEqual([{ _id: 2, email: "a@x" }]);
  });

  it.skipIf(REAL)(
    "operations MongoDB refuses in a transaction answer OperationNotSupportedInTransaction (263)",
    async () => {
      await db.collection("refused").insertOne({ a: 1 });
      const refused = [
        { count: "refused" },
        { listCollections: 1 },
        { createIndexes: "refused", indexes: [{ key: { a: 1 }, name: "a_1" }] },
        { drop: "refused" },
        { aggregate: "refused", pipeline: [{ $out: "elsewhere" }], cursor: {} },
      ];
      for (const cmd of refused) {
        const r = await rawSession();
        try {
          const e = await r.run({
            ...cmd,
            txnNumber: Long.fromNumber(1),
            autocommit: false,
            startTransaction: true,
          });
          expect(e).toMatchObject({ ok: 0, code: 263, codeName: "OperationNotSupportedInTransaction" });
          expect(e.errmsg).toContain("in a multi-document transaction");
        } finally {
          r.close();
        }
      }
    },
  );

  it("commits appear in change streams only at commit, in commit order, carrying lsid and txnNumber", async () => {
    const c = db.collection("streamed");
    await c.insertOne({ _id: 0 as never });
    const probe = c.watch([], { maxAwaitTimeMS: 20 });
    expect(await probe.tryNext()).toBeNull();
    const stream = c.watch([], { resumeAfter: probe.resumeToken, maxAwaitTimeMS: 20 });
    await probe.close();
    await inSession(async (s) => {
      s.startTransaction();
      await c.insertOne({ _id: 1 as never }, { session: s });
      await c.updateOne({ _id: 0 as never }, { $set: { v: 1 } }, { session: s });
      await c.insertOne({ _id: 9 as never }); // autocommit, committed before the transaction
      await c.deleteOne({ _id: 1 as never }, { session: s });
      const before = await stream.next();
      expect(before).toMatchObject({ operationType: "insert", documentKey: { _id: 9 } });
      expect(before).not.toHaveProperty("lsid");
      expect(await stream.tryNext()).toBeNull();
      await s.commitTransaction();
      const events = [await stream.next(), await stream.next(), await stream.next()] as Document[];
      expect(events.map((e) => e.operationType)).toEqual(["insert", "update", "delete"]);
      for (const e of events) {
        expect((e.lsid as { id: unknown }).id).toEqual(s.id?.id);
        expect(Number(e.txnNumber)).toBeGreaterThan(0);
      }
    });
    await stream.close();
  });
});
