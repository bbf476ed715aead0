import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ObjectId } from "bson";
import { afterEach, describe, expect, it } from "vitest";
import { decodeBatch, decodeOp, encodeBatch, encodeOp, scanFrames } from "../src/storage/codec.js";
import { FilePersistence } from "../src/storage/file.js";
import { journalName } from "../src/storage/layout.js";
import type { ChangeOp } from "../src/storage/types.js";
import { MiniStore, tempDir } from "./journal-fixture.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dir(): string {
  const t = tempDir("journal");
  cleanups.push(t.cleanup);
  return t.dir;
}

async function openStore(path: string, logs: string[] = []) {
  const store = new MiniStore();
  const p = new FilePersistence({ dbPath: path, logger: (m) => logs.push(m) });
  await p.open(store.apply);
  p.setSnapshotSource(() => store.images());
  const write = (ops: ChangeOp[]) => {
    store.apply(ops);
    return p.commit(ops, { durable: true }).durable;
  };
  return { store, p, write, logs };
}

const ins = (n: number, extra = {}): ChangeOp => ({
  op: "insert",
  db: "t",
  coll: "c",
  doc: { _id: n, v: `doc-${n}`, ...extra },
});

describe("journal records", () => {
  it("round-trips a batch with its position and op payloads", () => {
    const ops: ChangeOp[] = [ins(1, { oid: new ObjectId() }), { op: "delete", db: "t", coll: "c", id: 1 }];
    const committed = ops.map((op, k) => ({
      seq: 41n + BigInt(k),
      ts: { t: 1700000000, i: 3 },
      wall: new Date(5),
      op,
    }));
    const rec = encodeBatch(committed, ops.map(encodeOp));
    const frames = [...scanFrames(rec)];
    expect(frames).toHaveLength(1);
    const f = frames[0]!;
    if (f.kind !== "ok") throw new Error(f.reason);
    const { header, opBytes } = decodeBatch(f.payload);
    expect(header).toEqual({ seq: 41n, ts: { t: 1700000000, i: 3 }, wall: new Date(5), n: 2 });
    expect(opBytes.map(decodeOp)).toEqual(ops);
  });

  it("detects a CRC mismatch and a torn header", () => {
    const rec = encodeBatch(
      [{ seq: 1n, ts: { t: 1, i: 1 }, wall: new Date(), op: ins(1) }],
      [encodeOp(ins(1))],
    );
    const bad = Buffer.from(rec);
    bad[bad.length - 3]! ^= 0x40;
    expect([...scanFrames(bad)][0]).toMatchObject({ kind: "corrupt", reason: "CRC mismatch" });
    expect([...scanFrames(rec.subarray(0, 5))][0]).toMatchObject({ kind: "torn", start: 0 });
  });
});

describe("FilePersistence journal recovery", () => {
  it("replays every committed batch after a restart", async () => {
    const d = dir();
    const a = await openStore(d);
    for (let k = 0; k < 20; k++) await a.write([ins(k)]);
    await a.write([
      {
        op: "update",
        db: "t",
        coll: "c",
        id: 3,
        doc: { _id: 3, v: "changed" },
        updateDescription: { updatedFields: { v: "changed" }, removedFields: [], truncatedArrays: [] },
      },
    ]);
    await a.write([{ op: "delete", db: "t", coll: "c", id: 4 }]);
    const expected = a.store.dump();
    await a.p.close();
    const b = await openStore(d);
    expect(b.store.dump()).toBe(expected);
    expect(b.p.history.visibleSeq()).toBe(22n);
    await b.write([ins(100)]);
    expect(b.p.history.visibleSeq()).toBe(23n);
    await b.p.close();
  });

  it("drops exactly the torn last record, whatever byte it was cut at", async () => {
    const d = dir();
    const a = await openStore(d);
    for (let k = 0; k < 5; k++) await a.write([ins(k)]);
    const before = a.store.dump();
    await a.write([ins(5), ins(6), ins(7)]);
    await a.p.close();
    const file = join(d, journalName(1));
    const full = readFileSync(file);
    const frames = [...scanFrames(full)];
    const last = frames[frames.length - 1]!;
    expect(last.kind).toBe("ok");
    let checked = 0;
    for (let cut = last.start + 1; cut < full.length; cut++) {
      writeFileSync(file, full.subarray(0, cut));
      const logs: string[] = [];
      const b = await openStore(d, logs);
      expect(b.store.dump()).toBe(before);
      expect(b.p.stats.droppedTail).toBe(true);
      expect(logs.some((l) => l.includes("dropped torn record"))).toBe(true);
      expect(statSync(file).size).toBe(last.start);
      await b.p.close();
      for (const f of readdirSync(d)) if (f.endsWith(".bad")) writeFileSync(join(d, f), "");
      checked++;
    }
    expect(checked).toBe(full.length - last.start - 1);
  });

  it("stops at a corrupt record, keeps the ones before it and appends cleanly afterwards", async () => {
    const d = dir();
    const a = await openStore(d);
    for (let k = 0; k < 3; k++) await a.write([ins(k)]);
    const before = a.store.dump();
    await a.write([ins(3)]);
    await a.write([ins(4)]);
    await a.p.close();
    const file = join(d, journalName(1));
    const buf = readFileSync(file);
    const fourth = [...scanFrames(buf)][3]!;
    buf[fourth.start + 12]! ^= 0xff;
    writeFileSync(file, buf);
    const b = await openStore(d);
    expect(b.store.dump()).toBe(before);
    expect(b.logs.some((l) => l.includes("CRC mismatch"))).toBe(true);
    expect(readdirSync(d).some((f) => f.endsWith(".bad"))).toBe(true);
    await b.write([ins(9)]);
    const after = b.store.dump();
    await b.p.close();
    const c = await openStore(d);
    expect(c.store.dump()).toBe(after);
    await c.p.close();
  });

  it("treats a zero-filled tail (as some filesystems leave after a crash) as the end of the journal", async () => {
    const d = dir();
    const a = await openStore(d);
    for (let k = 0; k < 3; k++) await a.write([ins(k)]);
    const before = a.store.dump();
    await a.p.close();
    const file = join(d, journalName(1));
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.alloc(4096)]));
    const b = await openStore(d);
    expect(b.store.dump()).toBe(before);
    expect(b.logs.some((l) => l.includes("zero-length record"))).toBe(true);
    await b.write([ins(3)]);
    await b.p.close();
    const c = await openStore(d);
    expect(c.store.colls.get("t.c")?.docs.size).toBe(4);
    await c.p.close();
  });

  it("group-commits concurrent batches into fewer fsyncs, each acknowledged after its fsync", async () => {
    const d = dir();
    const a = await openStore(d);
    await Promise.all(Array.from({ length: 200 }, (_, k) => a.write([ins(k)])));
    const { fsyncs, records } = a.p.writerStats;
    expect(records).toBe(200);
    expect(fsyncs).toBeLessThan(200);
    expect(a.p.history.visibleSeq()).toBe(200n);
    await a.p.close();
    const b = await openStore(d);
    expect(b.store.colls.get("t.c")?.docs.size).toBe(200);
    await b.p.close();
  });
});
