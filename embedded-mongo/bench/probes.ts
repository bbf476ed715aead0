/** Measurements for store.bench.ts that need no driver: disk, journal, compaction; and the store child. */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, fdatasyncSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../src/engine/engine.js";
import { FilePersistence } from "../src/storage/file.js";
import type { ChangeOp } from "../src/storage/types.js";

/** Raw disk cost of one small append + fdatasync: the floor under every durable commit. */
export function fsyncLatency(dir: string): number[] {
  const fd = openSync(join(dir, "fsync-probe"), "a");
  const buf = Buffer.alloc(200, 1);
  const out: number[] = [];
  for (let k = 0; k < 200; k++) {
    const t = performance.now();
    writeSync(fd, buf);
    fdatasyncSync(fd);
    out.push(performance.now() - t);
  }
  closeSync(fd);
  return out;
}

/** The journal alone (no wire, no engine): commits/s and records per fsync for N writers. */
export async function journalOnly(
  dir: string,
  writers: number,
  total: number,
): Promise<{ rate: number; perFsync: number }> {
  const p = new FilePersistence({ dbPath: join(dir, `journal-only-${writers}`), logger: () => {} });
  await p.open(() => {});
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        await p.commit([{ op: "insert", db: "b", coll: "c", doc: { _id: n, body: "x".repeat(64) } }], {
          durable: true,
        }).durable;
      }
    }),
  );
  const rate = total / ((performance.now() - t) / 1000);
  const { fsyncs, records } = p.writerStats;
  await p.close();
  return { rate, perFsync: records / fsyncs };
}

/** Snapshot compaction and cold recovery of `docs` documents (engine + file persistence, no wire). */
export async function compactionAndRecovery(
  dir: string,
  docs: number,
): Promise<{ compactMs: number; recoverMs: number; replayMs: number }> {
  const dbPath = join(dir, "compaction");
  const quiet = { dbPath, logger: () => {} };
  const engine = new Engine(new FilePersistence(quiet));
  await engine.open();
  for (let k = 0; k < docs; k += 1000) {
    const ops: ChangeOp[] = [];
    engine.ensureCollection("b", "c", ops);
    for (let j = k; j < Math.min(docs, k + 1000); j++) {
      const op: ChangeOp = {
        op: "insert",
        db: "b",
        coll: "c",
        doc: { _id: j, k: j, s: `name-${j}`, tags: ["a", "b"] },
      };
      engine.applyOp(op);
      ops.push(op);
    }
    await engine.commit(ops, true);
  }
  await engine.persistence.close();
  // Cold start from the journal only, then compact, then cold start from the snapshot.
  let t = performance.now();
  const fromJournal = new Engine(new FilePersistence(quiet));
  await fromJournal.open();
  const replayMs = performance.now() - t;
  t = performance.now();
  await (fromJournal.persistence as FilePersistence).compact();
  const compactMs = performance.now() - t;
  await fromJournal.persistence.close();
  t = performance.now();
  const fromSnapshot = new Engine(new FilePersistence(quiet));
  await fromSnapshot.open();
  const recoverMs = performance.now() - t;
  await fromSnapshot.persistence.close();
  return { compactMs, recoverMs, replayMs };
}

/** The store in a child process, so the driver and the store each get a core. */
export async function startStore(dir: string): Promise<{ uri: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "server-child.ts"), dir],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const uri = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /URI (\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`store exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    uri,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
