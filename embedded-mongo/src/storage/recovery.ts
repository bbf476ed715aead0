import { readdir, readFile, truncate, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeBatch, decodeDoc, decodeOp, scanFrames } from "./codec.js";
import { JOURNAL_RE, quarantine } from "./layout.js";
import { type HistoryLimits, OpHistory } from "./history.js";
import { readSnapshot } from "./snapshot.js";
import type { ChangeOp, IndexSpec } from "./types.js";

type Pos = { seq: bigint; ts: { t: number; i: number } };

export interface Recovered {
  history: OpHistory;
  last: Pos;
  /** Journal generation to append to. */
  gen: number;
  batches: number;
  droppedTail: boolean;
}

/** Documents per replayed insert batch when loading a snapshot. */
const LOAD_CHUNK = 1000;

/**
 * Rebuild the store: load the snapshot (catalog, documents, history), then replay every journal
 * record after it in order. The first torn or corrupt record ends the replay: it and anything
 * after it were never acknowledged (a crash mid-append) or are damaged; the bytes are saved next
 * to the journal and the journal is truncated so new records append cleanly.
 */
export async function recoverInto(
  dir: string,
  apply: (ops: ChangeOp[]) => void,
  limits: HistoryLimits,
  log: (msg: string, level?: "info" | "warn") => void,
): Promise<Recovered> {
  // Secondary indexes are built once a collection's documents are in (cheaper than per insert).
  let pendingIndexes: { db: string; coll: string; indexes: IndexSpec[] } | null = null;
  const buildIndexes = () => {
    const extra = pendingIndexes?.indexes.filter((ix) => ix.name !== "_id_") ?? [];
    if (pendingIndexes && extra.length > 0) {
      apply([{ op: "createIndexes", db: pendingIndexes.db, coll: pendingIndexes.coll, indexes: extra }]);
    }
    pendingIndexes = null;
  };
  const snap = await readSnapshot(dir, {
    collection: (c) => {
      buildIndexes();
      apply([
        { op: "create", db: c.db, coll: c.coll, options: c.options, ...(c.uuid ? { uuid: c.uuid } : {}) },
      ]);
      pendingIndexes = c;
    },
    documents: (c, docs) => {
      for (let k = 0; k < docs.length; k += LOAD_CHUNK) {
        apply(
          docs
            .slice(k, k + LOAD_CHUNK)
            .map((d) => ({ op: "insert", db: c.db, coll: c.coll, doc: decodeDoc(d) })),
        );
      }
    },
  });
  buildIndexes();
  let last: Pos = { seq: 0n, ts: { t: 0, i: 0 } };
  let gen = 1;
  let history = new OpHistory(limits);
  if (snap) {
    last = { seq: snap.seq, ts: snap.ts };
    gen = snap.journalGen;
    history = new OpHistory(limits, last, snap.evicted);
    for (const e of snap.history) history.push(e);
  }

  const journals = (await readdir(dir))
    .map((name) => ({ name, m: JOURNAL_RE.exec(name) }))
    .filter((j) => j.m)
    .map((j) => ({ name: j.name, gen: Number(j.m![1]) }))
    .sort((a, b) => a.gen - b.gen);

  let batches = 0;
  let droppedTail = false;
  let stopped = false;
  for (const j of journals) {
    if (j.gen < gen) {
      // Left over from a compaction that installed its snapshot but crashed before cleanup.
      await unlink(join(dir, j.name));
      continue;
    }
    if (stopped) {
      // A gap before this journal: its records cannot be applied on top of a damaged history.
      log(
        `journal ${j.name} follows a damaged journal; moved aside as ${await quarantine(dir, j.name)}`,
        "warn",
      );
      continue;
    }
    gen = j.gen;
    const path = join(dir, j.name);
    const buf = await readFile(path);
    for (const f of scanFrames(buf)) {
      let batch: ReturnType<typeof decodeBatch> | null = null;
      let bad: { kind: string; reason: string } | null = f.kind === "ok" ? null : f;
      if (f.kind === "ok") {
        try {
          batch = decodeBatch(f.payload);
        } catch (err) {
          // CRC-valid but unparsable: treat like corruption rather than refusing to start.
          bad = { kind: "corrupt", reason: `undecodable record: ${(err as Error).message}` };
        }
      }
      if (bad || !batch) {
        const lost = buf.subarray(f.start);
        const saved = `${j.name}.tail-${Date.now()}.bad`;
        await writeFile(join(dir, saved), lost);
        await truncate(path, f.start);
        log(
          `journal ${j.name}: dropped ${bad?.kind} record at byte ${f.start} (${bad?.reason}; ${lost.length} bytes saved to ${saved})`,
          "warn",
        );
        droppedTail = true;
        stopped = true;
        break;
      }
      const { header, opBytes } = batch;
      const lastSeq = header.seq + BigInt(header.n) - 1n;
      if (lastSeq <= last.seq) continue;
      if (header.seq !== last.seq + 1n)
        log(`journal ${j.name}: seq gap, expected ${last.seq + 1n} got ${header.seq}`, "warn");
      const ops = opBytes.map(decodeOp);
      apply(ops);
      ops.forEach((op, k) => {
        history.push({
          seq: header.seq + BigInt(k),
          ts: header.ts,
          wall: header.wall,
          db: op.db,
          coll: "coll" in op ? op.coll : null,
          kind: op.op,
          bytes: Buffer.from(opBytes[k]!),
        });
      });
      last = { seq: lastSeq, ts: header.ts };
      batches++;
    }
  }
  history.publish(last.seq);
  if (snap || batches > 0)
    log(`recovered through seq ${last.seq} (snapshot ${snap ? "yes" : "no"}, ${batches} journal records)`);
  return { history, last, gen, batches, droppedTail };
}
