import { type Document, Timestamp } from "bson";
import { beforeEach, describe, expect, it } from "vitest";
import { openChangeStream } from "../src/changestreams/index.js";
import type { CommandError } from "../src/commands/errors.js";
import { Engine } from "../src/engine/engine.js";
import { MemoryPersistenceWithHistory } from "../src/storage/index.js";
import type { ChangeOp } from "../src/storage/types.js";

/** Engine-level tests of change-stream cursors (no wire): event shapes, positions, errors. */
let engine: Engine;
let ids = 1n;

async function setup(maxOps = 100_000) {
  engine = new Engine(new MemoryPersistenceWithHistory({ maxOps, maxBytes: 1 << 30 }));
  await engine.open();
}
beforeEach(() => setup());

function write(...ops: ChangeOp[]): Promise<void> {
  const all: ChangeOp[] = [];
  for (const op of ops) {
    if (op.op !== "create" && op.op !== "dropDatabase" && !engine.collection(op.db, op.coll)) {
      engine.ensureCollection(op.db, op.coll, all);
    }
    engine.applyOp(op);
    all.push(op);
  }
  return engine.commit(all, true);
}

const ins = (coll: string, doc: Document): ChangeOp => ({ op: "insert", db: "d", coll, doc });

function open(
  coll: string | null,
  pipeline: Document[] = [{ $changeStream: {} }],
  db = "d",
  batchSize?: number,
) {
  return openChangeStream({
    db,
    coll,
    pipeline,
    batchSize,
    maxTimeMS: undefined,
    newCursorId: () => ids++,
    engine,
  });
}

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  return p.then(
    () => undefined,
    (e: CommandError) => e.code,
  );
}

describe("change stream cursor", () => {
  it("emits insert, update, replace and delete events in MongoDB's shapes", async () => {
    const cs = await open("c");
    expect(cs.firstBatch).toEqual([]);
    expect(cs.extra?.postBatchResumeToken).toMatchObject({ _data: expect.any(String) });
    await write(ins("c", { _id: 1, a: 1, arr: [1, 2, 3] }));
    await write({
      op: "update",
      db: "d",
      coll: "c",
      id: 1,
      doc: { _id: 1, a: 2, arr: [1] },
      updateDescription: {
        updatedFields: { a: 2 },
        removedFields: [],
        truncatedArrays: [{ field: "arr", newSize: 1 }],
      },
    });
    await write({ op: "replace", db: "d", coll: "c", id: 1, doc: { _id: 1, z: true } });
    await write({ op: "delete", db: "d", coll: "c", id: 1 });
    const { docs, exhausted } = await cs.cursor.getMore(10, 0, false);
    expect(exhausted).toBe(false);
    expect(docs.map((d) => d.operationType)).toEqual(["insert", "update", "replace", "delete"]);
    const [i, u, r, d] = docs as [Document, Document, Document, Document];
    expect(i).toEqual({
      _id: expect.objectContaining({ _data: expect.any(String) }),
      operationType: "insert",
      clusterTime: expect.any(Timestamp),
      wallTime: expect.any(Date),
      fullDocument: { _id: 1, a: 1, arr: [1, 2, 3] },
      ns: { db: "d", coll: "c" },
      documentKey: { _id: 1 },
    });
    expect(u).not.toHaveProperty("fullDocument");
    expect(u.updateDescription).toEqual({
      updatedFields: { a: 2 },
      removedFields: [],
      truncatedArrays: [{ field: "arr", newSize: 1 }],
    });
    expect(r).toMatchObject({ fullDocument: { _id: 1, z: true }, documentKey: { _id: 1 } });
    expect(d).toMatchObject({ ns: { db: "d", coll: "c" }, documentKey: { _id: 1 } });
    expect(d).not.toHaveProperty("fullDocument");
    // Tokens are ordered like the events.
    const datas = docs.map((e) => (e._id as { _data: string })._data);
    expect([...datas].sort()).toEqual(datas);
  });

  it("resumes after a token with every later event exactly once", async () => {
    const cs = await open("c");
    for (let k = 0; k < 10; k++) await write(ins("c", { _id: k }));
    const { docs } = await cs.cursor.getMore(100, 0, false);
    const token = docs[3]!._id;
    const resumed = await open("c", [{ $changeStream: { resumeAfter: token } }]);
    expect(resumed.firstBatch.map((e) => e.documentKey._id)).toEqual([4, 5, 6, 7, 8, 9]);
    const again = await open("c", [{ $changeStream: { startAfter: token } }], "d", 2);
    expect(again.firstBatch.map((e) => e.documentKey._id)).toEqual([4, 5]);
    expect(again.extra?.postBatchResumeToken).toEqual(again.firstBatch[1]!._id);
    const rest = await again.cursor.getMore(100, 0, false);
    expect(rest.docs.map((e) => e.documentKey._id)).toEqual([6, 7, 8, 9]);
  });

  it("starts at an operation time", async () => {
    await write(ins("c", { _id: "old" }));
    const before = engine.lastCommitted().ts;
    await write(ins("c", { _id: "new" }));
    const at = engine.lastCommitted().ts;
    const cs = await open("c", [{ $changeStream: { startAtOperationTime: new Timestamp(at) } }]);
    expect(cs.firstBatch.map((e) => e.documentKey._id)).toEqual(["new"]);
    const earlier = await open("c", [{ $changeStream: { startAtOperationTime: new Timestamp(before) } }]);
    expect(earlier.firstBatch.map((e) => e.documentKey._id)).toEqual(["old", "new"]);
    // A stream opened with batchSize 0 hands out its start position; resuming from it works.
    const zero = await open("c", [{ $changeStream: { startAtOperationTime: new Timestamp(at) } }], "d", 0);
    const resumed = await open("c", [{ $changeStream: { resumeAfter: zero.extra?.postBatchResumeToken } }]);
    expect(resumed.firstBatch.map((e) => e.documentKey._id)).toEqual(["new"]);
  });

  it("applies $match and $project after $changeStream, and refuses a modified _id", async () => {
    const cs = await open("c", [
      { $changeStream: {} },
      { $match: { "fullDocument.keep": true } },
      { $project: { operationType: 1, "fullDocument.n": 1 } },
    ]);
    await write(ins("c", { _id: 1, keep: true, n: 1 }), ins("c", { _id: 2, keep: false, n: 2 }));
    const { docs } = await cs.cursor.getMore(10, 0, false);
    expect(docs).toEqual([{ _id: expect.anything(), operationType: "insert", fullDocument: { n: 1 } }]);
    const bad = await open("c", [{ $changeStream: {} }, { $project: { _id: 0 } }]);
    await write(ins("c", { _id: 3 }));
    expect(await codeOf(bad.cursor.getMore(10, 0, false))).toBe(280);
    // A known stage that may not follow $changeStream is IllegalOperation; an unknown one 40324.
    expect(await codeOf(open("c", [{ $changeStream: {} }, { $group: { _id: 1 } }]))).toBe(20);
    expect(await codeOf(open("c", [{ $changeStream: {} }, { $nonsense: 1 }]))).toBe(40324);
  });

  it("advances postBatchResumeToken on empty batches and resumes from it", async () => {
    const cs = await open("c");
    const t0 = cs.extra!.postBatchResumeToken as { _data: string };
    await write(ins("other", { _id: 1 }));
    const b = await cs.cursor.getMore(10, 0, false);
    expect(b.docs).toEqual([]);
    const t1 = b.extra!.postBatchResumeToken as { _data: string };
    expect(t1._data > t0._data).toBe(true);
    await write(ins("c", { _id: 2 }));
    const resumed = await open("c", [{ $changeStream: { resumeAfter: t1 } }]);
    expect(resumed.firstBatch.map((e) => e.documentKey._id)).toEqual([2]);
  });

  it("wakes an awaiting getMore as soon as a relevant commit lands", async () => {
    const cs = await open("c");
    const started = performance.now();
    const pending = cs.cursor.getMore(10, 10_000, true);
    await write(ins("c", { _id: "wake" }));
    const { docs } = await pending;
    const waited = performance.now() - started;
    expect(docs.map((e) => e.documentKey._id)).toEqual(["wake"]);
    expect(waited).toBeLessThan(1000);
    // An await with nothing to see ends at maxTimeMS with an empty batch.
    const empty = await cs.cursor.getMore(10, 20, true);
    expect(empty.docs).toEqual([]);
    // Closing the cursor releases a parked getMore.
    const parked = cs.cursor.getMore(10, 10_000, true);
    cs.cursor.close();
    expect((await parked).docs).toEqual([]);
  });

  it("emits drop then invalidate on a collection stream; startAfter the invalidate works, resumeAfter does not", async () => {
    await write(ins("c", { _id: 1 }));
    const cs = await open("c");
    await write({ op: "drop", db: "d", coll: "c" });
    const b = await cs.cursor.getMore(10, 0, false);
    expect(b.docs.map((e) => e.operationType)).toEqual(["drop", "invalidate"]);
    expect(b.exhausted).toBe(true);
    const inv = b.docs[1]!._id;
    expect(await codeOf(open("c", [{ $changeStream: { resumeAfter: inv } }]))).toBe(260);
    // Resuming after the drop event (not the invalidate) yields the invalidate again.
    const fromDrop = await open("c", [{ $changeStream: { resumeAfter: b.docs[0]!._id } }]);
    expect(fromDrop.firstBatch.map((e) => e.operationType)).toEqual(["invalidate"]);
    await write(ins("c", { _id: 2 }));
    const after = await open("c", [{ $changeStream: { startAfter: inv } }]);
    expect(after.firstBatch.map((e) => e.operationType)).toEqual(["insert"]);
  });

  it("watches a whole database: every collection, rename, and invalidate on dropDatabase", async () => {
    const cs = await open(null);
    expect(cs.cursor.ns).toBe("d.$cmd.aggregate");
    await write(ins("a", { _id: 1 }), ins("b", { _id: 2 }));
    await write({ op: "rename", db: "d", coll: "a", toDb: "d", toColl: "a2" });
    await write({ op: "dropDatabase", db: "d" });
    const b = await cs.cursor.getMore(10, 0, false);
    expect(b.docs.map((e) => e.operationType)).toEqual([
      "insert",
      "insert",
      "rename",
      "dropDatabase",
      "invalidate",
    ]);
    expect(b.docs[2]).toMatchObject({ ns: { db: "d", coll: "a" }, to: { db: "d", coll: "a2" } });
  });

  it("fills fullDocument for updates with updateLookup (current) and whenAvailable (post-image)", async () => {
    const look = await open("c", [{ $changeStream: { fullDocument: "updateLookup" } }]);
    const when = await open("c", [{ $changeStream: { fullDocument: "whenAvailable" } }]);
    await write(ins("c", { _id: 1, v: 0 }));
    // An op that recorded its pre-image (changeStreamPreAndPostImages) has a post-image too.
    const upd = (v: number, pre?: Document): ChangeOp => ({
      op: "update",
      db: "d",
      coll: "c",
      id: 1,
      doc: { _id: 1, v },
      updateDescription: { updatedFields: { v }, removedFields: [], truncatedArrays: [] },
      ...(pre ? { pre } : {}),
    });
    await write(upd(1, { _id: 1, v: 0 }));
    await write(upd(2, { _id: 1, v: 1 }));
    await write(upd(3));
    const l = (await look.cursor.getMore(10, 0, false)).docs.filter((e) => e.operationType === "update");
    const w = (await when.cursor.getMore(10, 0, false)).docs.filter((e) => e.operationType === "update");
    expect(l.map((e) => e.fullDocument.v)).toEqual([3, 3, 3]);
    expect(w.map((e) => e.fullDocument?.v ?? null)).toEqual([1, 2, null]);
  });

  it("requires pre- and post-images only where asked: NoMatchingDocument (47) when one is missing", async () => {
    const before = await open("c", [{ $changeStream: { fullDocumentBeforeChange: "required" } }]);
    const after = await open("c", [{ $changeStream: { fullDocument: "required" } }]);
    await write(ins("c", { _id: 1, v: 0 }));
    await write({ op: "delete", db: "d", coll: "c", id: 1, pre: { _id: 1, v: 0 } });
    const b = await before.cursor.getMore(10, 0, false);
    expect(b.docs.map((e) => e.fullDocumentBeforeChange ?? "absent")).toEqual(["absent", { _id: 1, v: 0 }]);
    // Inserts and deletes never need a post-image.
    expect((await after.cursor.getMore(10, 0, false)).docs).toHaveLength(2);
    await write(ins("c", { _id: 2 }));
    await write({ op: "delete", db: "d", coll: "c", id: 2 });
    expect(await codeOf(before.cursor.getMore(10, 0, false))).toBe(47);
  });

  it("fails with ChangeStreamHistoryLost when the resume point left the bounded history", async () => {
    await setup(5);
    const cs = await open("c");
    await write(ins("c", { _id: 0 }));
    const { docs } = await cs.cursor.getMore(10, 0, false);
    for (let k = 1; k < 20; k++) await write(ins("c", { _id: k }));
    expect(await codeOf(open("c", [{ $changeStream: { resumeAfter: docs[0]!._id } }]))).toBe(286);
    expect(await codeOf(cs.cursor.getMore(10, 0, false))).toBe(286);
    expect(
      await codeOf(open("c", [{ $changeStream: { startAtOperationTime: new Timestamp({ t: 1, i: 0 }) } }])),
    ).toBe(286);
    expect(await codeOf(open("c", [{ $changeStream: { resumeAfter: { _data: "nope" } } }]))).toBe(260);
  });
});
