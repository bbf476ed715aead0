import {
  type ChangeStream,
  type ChangeStreamOptions,
  type ChangeStreamDocument,
  type Document,
  MongoClient,
  type ResumeToken,
  Timestamp,
} from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tcpProxy } from "./change-proxy.js";
import { connect, REAL, rejection } from "./support/target.js";

/**
 * Change streams through the official driver (shapes follow the change-streams spec's unified
 * tests). Runs unchanged against a real replica set when MONGODB_URI is set.
 */
let ctx: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  ctx = await connect("changes");
});
afterAll(() => ctx.close());

let n = 0;
const fresh = () => ctx.db.collection(`c${n++}`);

type Watchable = { watch: (pipeline?: Document[], options?: ChangeStreamOptions) => ChangeStream };

/**
 * A stream that sees every event after "now", whenever its aggregate reaches the server: a short
 * probe stream yields the current resume token, and the real stream resumes after it. (Opening
 * with tryNext() would park for the full maxAwaitTimeMS.)
 */
async function watchFromNow(target: Watchable, pipeline: Document[] = [], options: ChangeStreamOptions = {}) {
  const probe = target.watch([], { maxAwaitTimeMS: 20 });
  expect(await probe.tryNext()).toBeNull();
  const token = probe.resumeToken;
  await probe.close();
  return target.watch(pipeline, { ...options, resumeAfter: token });
}

describe("change streams via the driver", () => {
  it("reports insert, update, replace and delete like MongoDB", async () => {
    const coll = fresh();
    const cs = await watchFromNow(coll, [], { maxAwaitTimeMS: 5000 });
    await coll.insertOne({ _id: 1 as never, x: 1, arr: [1, 2, 3] });
    await coll.updateOne({ _id: 1 as never }, { $set: { x: 2 }, $unset: { gone: "" } });
    await coll.updateOne({ _id: 1 as never }, { $set: { y: 1 } });
    await coll.replaceOne({ _id: 1 as never }, { z: 3 });
    await coll.deleteOne({ _id: 1 as never });
    const ev: ChangeStreamDocument[] = [];
    for (let k = 0; k < 5; k++) ev.push(await cs.next());
    const ns = { db: ctx.db.databaseName, coll: coll.collectionName };
    expect(ev[0]).toMatchObject({
      operationType: "insert",
      ns,
      fullDocument: { _id: 1, x: 1, arr: [1, 2, 3] },
      documentKey: { _id: 1 },
    });
    expect(ev[0]!.clusterTime).toBeInstanceOf(Timestamp);
    expect((ev[0] as { wallTime?: unknown }).wallTime).toBeInstanceOf(Date);
    expect(ev[1]).toMatchObject({
      operationType: "update",
      ns,
      documentKey: { _id: 1 },
      updateDescription: { updatedFields: { x: 2 }, removedFields: [], truncatedArrays: [] },
    });
    expect(ev[1]).not.toHaveProperty("fullDocument");
    expect(ev[2]).toMatchObject({ updateDescription: { updatedFields: { y: 1 } } });
    expect(ev[3]).toMatchObject({ operationType: "replace", fullDocument: { _id: 1, z: 3 } });
    expect(ev[4]).toMatchObject({ operationType: "delete", ns, documentKey: { _id: 1 } });
    expect(ev[4]).not.toHaveProperty("fullDocument");
    await cs.close();
  });

  it("looks up the current document for updates with fullDocument: updateLookup", async () => {
    const coll = fresh();
    await coll.insertOne({ _id: "a" as never, v: 0 });
    const cs = await watchFromNow(coll, [], { fullDocument: "updateLookup" });
    await coll.updateOne({ _id: "a" as never }, { $inc: { v: 1 } });
    const e = await cs.next();
    expect(e).toMatchObject({ operationType: "update", fullDocument: { _id: "a", v: 1 } });
    await cs.close();
  });

  it("filters and reshapes events with $match / $project after $changeStream", async () => {
    const coll = fresh();
    const cs = await watchFromNow(coll, [
      { $match: { operationType: "insert", "fullDocument.keep": true } },
      { $project: { "fullDocument.secret": 0 } },
    ]);
    await coll.insertMany([
      { keep: false, n: 1 },
      { keep: true, n: 2, secret: "s" },
    ]);
    await coll.deleteMany({});
    await coll.insertOne({ keep: true, n: 3 });
    const a = await cs.next();
    const b = await cs.next();
    expect([a, b].map((e) => (e as { fullDocument: Document }).fullDocument.n)).toEqual([2, 3]);
    expect((a as { fullDocument: Document }).fullDocument).not.toHaveProperty("secret");
    await cs.close();
  });

  it("resumes with resumeAfter, startAfter and startAtOperationTime, each later event once", async () => {
    const coll = fresh();
    const cs = await watchFromNow(coll);
    await coll.insertMany([{ k: 1 }, { k: 2 }, { k: 3 }]);
    const first = await cs.next();
    await cs.close();
    const keys = async (s: ChangeStream, count: number) => {
      const out: number[] = [];
      for (let k = 0; k < count; k++)
        out.push(((await s.next()) as { fullDocument: Document }).fullDocument.k);
      expect(await s.tryNext()).toBeNull();
      await s.close();
      return out;
    };
    expect(await keys(coll.watch([], { resumeAfter: first._id, maxAwaitTimeMS: 20 }), 2)).toEqual([2, 3]);
    expect(await keys(coll.watch([], { startAfter: first._id, maxAwaitTimeMS: 20 }), 2)).toEqual([2, 3]);
    expect(
      await keys(coll.watch([], { startAtOperationTime: first.clusterTime, maxAwaitTimeMS: 20 }), 3),
    ).toEqual([1, 2, 3]);
  });

  it("advances postBatchResumeToken on empty batches and resumes from it", async () => {
    const coll = fresh();
    const other = fresh();
    const start = await ctx.db.command({
      aggregate: coll.collectionName,
      pipeline: [{ $changeStream: {} }],
      cursor: {},
    });
    const t0 = start.cursor.postBatchResumeToken as { _data: string };
    expect(start.cursor.firstBatch).toEqual([]);
    await other.insertOne({ unrelated: true });
    const more = await ctx.db.command({
      getMore: start.cursor.id,
      collection: coll.collectionName,
      maxTimeMS: 200,
    });
    expect(more.cursor.nextBatch).toEqual([]);
    const t1 = more.cursor.postBatchResumeToken as { _data: string };
    expect(t1._data > t0._data).toBe(true);
    await ctx.db.command({ killCursors: coll.collectionName, cursors: [start.cursor.id] });
    await coll.insertOne({ after: true });
    const cs = coll.watch([], { resumeAfter: t1 });
    expect(await cs.next()).toMatchObject({ operationType: "insert", fullDocument: { after: true } });
    await cs.close();
  });

  it("wakes a waiting getMore as soon as a write commits", async () => {
    const coll = fresh();
    const cs = await watchFromNow(coll, [], { maxAwaitTimeMS: 10_000 });
    const waits: number[] = [];
    for (let k = 0; k < 5; k++) {
      const next = cs.next();
      const t = performance.now();
      await coll.insertOne({ k });
      const e = await next;
      waits.push(performance.now() - t);
      expect((e as { fullDocument: Document }).fullDocument.k).toBe(k);
    }
    // Far below maxAwaitTimeMS: the parked getMore was woken by the commit, not by its timeout.
    expect(Math.max(...waits)).toBeLessThan(2000);
    console.log(
      `change-stream wake (insert sent → event received): ${waits.map((w) => w.toFixed(1)).join(", ")} ms`,
    );
    await cs.close();
  });

  it("watches a whole database", async () => {
    const a = fresh();
    const b = fresh();
    const cs = await watchFromNow(ctx.db);
    await a.insertOne({ from: "a" });
    await b.insertOne({ from: "b" });
    const got = [await cs.next(), await cs.next()].map((e) => (e as { ns: { coll: string } }).ns.coll);
    expect(got).toEqual([a.collectionName, b.collectionName]);
    await cs.close();
  });

  it("watches the whole deployment with client.watch()", async () => {
    const coll = fresh();
    const cs = await watchFromNow(ctx.client, [{ $match: { "ns.db": ctx.db.databaseName } }]);
    await coll.insertOne({ cluster: true });
    expect(await cs.next()).toMatchObject({
      operationType: "insert",
      ns: { db: ctx.db.databaseName, coll: coll.collectionName },
      fullDocument: { cluster: true },
    });
    await cs.close();
  });

  it("emits drop and invalidate when the watched collection is dropped", async () => {
    const coll = fresh();
    await coll.insertOne({ x: 1 });
    const cs = await watchFromNow(coll);
    await coll.drop();
    expect((await cs.next()).operationType).toBe("drop");
    const inv = await cs.next();
    expect(inv.operationType).toBe("invalidate");
    await cs.close();
    const err = await rejection(coll.watch([], { resumeAfter: inv._id }).next());
    // Embedded: InvalidResumeToken; a real server's code for this case is not pinned here.
    if (!REAL) expect(err.code).toBe(260);
    await coll.insertOne({ x: 2 });
    const after = coll.watch([], { startAfter: inv._id });
    expect(await after.next()).toMatchObject({ operationType: "insert", fullDocument: { x: 2 } });
    await after.close();
  });

  // The proxy needs a plain host:port to forward to (not an SRV record).
  it.skipIf(process.env.MONGODB_URI?.startsWith("mongodb+srv:"))(
    "resumes transparently after a network error (driver re-sends aggregate with the cached token)",
    async () => {
      const upstream = new URL(ctx.target.uri.replace(/^mongodb:\/\//, "http://").split(",")[0]!);
      const proxy = await tcpProxy(upstream.hostname, Number(upstream.port || 27017));
      const viaProxy = new MongoClient(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, {
        serverSelectionTimeoutMS: 5000,
      });
      try {
        const coll = fresh();
        const cs = await watchFromNow(viaProxy.db(ctx.db.databaseName).collection(coll.collectionName), [], {
          maxAwaitTimeMS: 200,
        });
        await coll.insertOne({ k: 1 });
        expect(((await cs.next()) as { fullDocument: Document }).fullDocument.k).toBe(1);
        proxy.cutAll();
        await coll.insertMany([{ k: 2 }, { k: 3 }]);
        const rest = [await cs.next(), await cs.next()].map(
          (e) => (e as { fullDocument: Document }).fullDocument.k,
        );
        expect(rest).toEqual([2, 3]);
        expect(proxy.connectionsSeen).toBeGreaterThan(1);
        await cs.close();
      } finally {
        await viaProxy.close();
        await proxy.close();
      }
    },
  );

  it.skipIf(REAL)(
    "fails with ChangeStreamHistoryLost (286) once the resume point left the oplog",
    async () => {
      const { startEmbeddedMongo } = await import("../src/index.js");
      process.env.EMBEDDED_MONGO_HISTORY_OPS = "10";
      const store = await startEmbeddedMongo();
      delete process.env.EMBEDDED_MONGO_HISTORY_OPS;
      const client = new MongoClient(store.uri);
      try {
        const coll = client.db("h").collection("c");
        const cs = await watchFromNow(coll);
        await coll.insertOne({ k: 0 });
        const first = await cs.next();
        await cs.close();
        for (let k = 1; k <= 20; k++) await coll.insertOne({ k });
        const err = await rejection(coll.watch([], { resumeAfter: first._id as ResumeToken }).next());
        expect(err.code).toBe(286);
        expect(err.codeName).toBe("ChangeStreamHistoryLost");
      } finally {
        await client.close();
        await store.close();
      }
    },
  );
});
