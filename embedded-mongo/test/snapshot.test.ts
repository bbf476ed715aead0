import { copyFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FilePersistence } from "../src/storage/file.js";
import type { ChangeOp } from "../src/storage/types.js";
import { MiniStore, tempDir } from "./journal-fixture.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function openStore(dbPath: string, opts: { compactBytes?: number; maxOps?: number } = {}) {
  const store = new MiniStore();
  const p = new FilePersistence({
    dbPath,
    logger: () => {},
    compactBytes: opts.compactBytes ?? 1 << 30,
    history: { maxOps: opts.maxOps ?? 100_000, maxBytes: 1 << 30 },
  });
  await p.open(store.apply);
  p.setSnapshotSource(() => store.images());
  const write = (ops: ChangeOp[]) => {
    store.apply(ops);
    return p.commit(ops, { durable: true }).durable;
  };
  return { store, p, write };
}

/** A deterministic mix of inserts, updates, deletes and DDL over a few collections. */
function randomOps(seed: number, count: number): ChangeOp[][] {
  let x = seed;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const out: ChangeOp[][] = [];
  for (let k = 0; k < count; k++) {
    const coll = `c${rnd(3)}`;
    const id = rnd(50);
    const r = rnd(10);
    if (r < 5) out.push([{ op: "insert", db: "s", coll, doc: { _id: `${k}-${id}`, n: k, tags: ["a", k] } }]);
    else if (r < 7) out.push([{ op: "replace", db: "s", coll, id, doc: { _id: id, n: k } }]);
    else if (r < 8) out.push([{ op: "delete", db: "s", coll, id }]);
    else if (r < 9)
      out.push([{ op: "createIndexes", db: "s", coll, indexes: [{ name: `n_${k}`, key: { n: 1 } }] }]);
    else
      out.push(
        Array.from({ length: 5 }, (_, j) => ({
          op: "insert" as const,
          db: "s",
          coll,
          doc: { _id: `m${k}-${j}` },
        })),
      );
  }
  return out;
}

describe("snapshot compaction", () => {
  it("recovers the same state and history from snapshot + journal as from the journal alone", async () => {
    const t = tempDir("snapshot");
    cleanups.push(t.cleanup);
    const batches = randomOps(7, 400);
    const a = await openStore(t.dir);
    for (const [k, b] of batches.entries()) {
      await a.write(b);
      if (k === 150 || k === 300) await a.p.compact();
    }
    expect(a.p.stats.compactions).toBe(2);
    const expected = a.store.dump();
    const seq = a.p.history.visibleSeq();
    await a.p.close();
    // Old journals are gone, the current one only holds records after the last snapshot.
    expect(readdirSync(t.dir).filter((f) => f.startsWith("journal-"))).toEqual(["journal-000003.log"]);
    const b = await openStore(t.dir);
    expect(b.store.dump()).toBe(expected);
    expect(b.p.history.visibleSeq()).toBe(seq);
    // The whole oplog survived (it is in the snapshot, then the journal), in order.
    const hist = b.p.history.readAfter(0n, 1_000_000);
    expect(hist.map((e) => e.seq)).toEqual(Array.from({ length: Number(seq) }, (_, k) => BigInt(k + 1)));
    await b.p.close();
  });

  it("compacts on its own when the journal passes the size threshold, and writes keep flowing", async () => {
    const t = tempDir("snapshot");
    cleanups.push(t.cleanup);
    const a = await openStore(t.dir, { compactBytes: 16 * 1024, maxOps: 500 });
    const writes: Promise<void>[] = [];
    for (let k = 0; k < 2000; k++) {
      writes.push(a.write([{ op: "insert", db: "s", coll: "big", doc: { _id: k, pad: "x".repeat(100) } }]));
      if (k % 50 === 0) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    await a.p.compact();
    expect(a.p.stats.compactions).toBeGreaterThanOrEqual(2);
    const expected = a.store.dump();
    // The history is bounded: only the last 500 ops are retained, the rest count as evicted.
    expect(a.p.history.evictedThrough().seq).toBe(1500n);
    await a.p.close();
    const b = await openStore(t.dir, { maxOps: 500 });
    expect(b.store.dump()).toBe(expected);
    expect(b.p.history.evictedThrough().seq).toBe(1500n);
    expect(b.p.history.readAfter(0n, 10_000)).toHaveLength(500);
    await b.p.close();
  });

  it("recovers from every crash point of a compaction", async () => {
    const t = tempDir("snapshot");
    cleanups.push(t.cleanup);
    const [before, after] = [randomOps(11, 60), randomOps(12, 60)];
    const a = await openStore(t.dir);
    for (const b of before) await a.write(b);
    // Keep generation 1 as it was just before compaction deleted it.
    copyFileSync(join(t.dir, "journal-000001.log"), join(t.dir, "gen1.copy"));
    await a.p.compact();
    for (const b of after) await a.write(b);
    const expected = a.store.dump();
    await a.p.close();
    const check = async (label: string) => {
      const b = await openStore(t.dir);
      expect(b.store.dump(), label).toBe(expected);
      await b.p.close();
    };
    // Crash after the snapshot was installed but before the old journal was deleted.
    copyFileSync(join(t.dir, "gen1.copy"), join(t.dir, "journal-000001.log"));
    await check("snapshot installed, old journal left behind");
    expect(readdirSync(t.dir)).not.toContain("journal-000001.log");
    // Crash while the snapshot was being written: a partial temp file is ignored.
    writeFileSync(join(t.dir, "snapshot.bson.tmp"), Buffer.from("partial snapshot"));
    await check("partial temp snapshot");
    // Crash after rotation but before the rename: no snapshot, journals 1 and 2 replay in order.
    rmSync(join(t.dir, "snapshot.bson"));
    copyFileSync(join(t.dir, "gen1.copy"), join(t.dir, "journal-000001.log"));
    await check("rotated, snapshot not installed");
  });
});
