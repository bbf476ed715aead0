import { readFile, rename, unlink } from "node:fs/promises";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { type Binary, type Document, deserialize } from "bson";
import { bsonBytes, decodeDoc, frame, scanFrames, splitDocs } from "./codec.js";
import type { HistoryEntry } from "./history.js";
import { fsyncDir } from "./journal.js";
import type { ChangeOp, IndexSpec } from "./types.js";

export const SNAPSHOT_FILE = "snapshot.bson";
const TMP_FILE = "snapshot.bson.tmp";
/** Docs per record: large enough to amortise framing, small enough to stream. */
const CHUNK_BYTES = 256 * 1024;

type Ts = { t: number; i: number };

/**
 * One collection of a snapshot. Written from the engine's document objects (captured by reference:
 * the engine replaces documents on write and never mutates them, so the captured array stays a
 * consistent cut while it is serialised chunk by chunk); read back as raw BSON bytes.
 */
export interface SnapshotColl<D = Document> {
  db: string;
  coll: string;
  options: Document;
  /** Absent in snapshots written before collections had UUIDs. */
  uuid?: Binary;
  indexes: IndexSpec[];
  docs: D[];
}

/**
 * A consistent image of the store at `seq`: catalog, documents, and the retained oplog history.
 * `journalGen` names the first journal whose records may follow this snapshot.
 */
export interface SnapshotImage<D = Document> {
  seq: bigint;
  ts: Ts;
  journalGen: number;
  evicted: { seq: bigint; ts: Ts };
  colls: SnapshotColl<D>[];
  history: HistoryEntry[];
}

const bson = bsonBytes;

function* records(img: SnapshotImage): Generator<Buffer> {
  yield frame([
    bson({
      type: "header",
      v: 1,
      s: img.seq,
      t: img.ts.t,
      i: img.ts.i,
      gen: img.journalGen,
      es: img.evicted.seq,
      et: img.evicted.ts.t,
      ei: img.evicted.ts.i,
      at: new Date(),
    }),
  ]);
  let docCount = 0;
  for (const c of img.colls) {
    yield frame([
      bson({ type: "coll", db: c.db, coll: c.coll, options: c.options, uuid: c.uuid, indexes: c.indexes }),
    ]);
    let chunk: Buffer[] = [];
    let bytes = 0;
    const flush = () => {
      const out = frame([bson({ type: "docs", n: chunk.length }), ...chunk]);
      docCount += chunk.length;
      chunk = [];
      bytes = 0;
      return out;
    };
    for (const doc of c.docs) {
      const d = bsonBytes(doc);
      chunk.push(d);
      bytes += d.length;
      if (bytes >= CHUNK_BYTES) yield flush();
    }
    if (chunk.length > 0) yield flush();
  }
  for (let k = 0; k < img.history.length; k += 1000) {
    const part = img.history.slice(k, k + 1000);
    const meta = part.map((e) => ({
      s: e.seq,
      t: e.ts.t,
      i: e.ts.i,
      w: e.wall,
      db: e.db,
      c: e.coll,
      k: e.kind,
    }));
    yield frame([bson({ type: "hist", n: part.length, e: meta }), ...part.map((e) => e.bytes)]);
  }
  yield frame([bson({ type: "end", colls: img.colls.length, docs: docCount, hist: img.history.length })]);
}

/** Write to a temp file, fsync, rename over the live snapshot, fsync the directory. */
export async function writeSnapshot(dir: string, img: SnapshotImage): Promise<number> {
  const tmp = join(dir, TMP_FILE);
  const fh = await open(tmp, "w");
  let size = 0;
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (const rec of records(img)) {
      pending.push(rec);
      pendingBytes += rec.length;
      // Each write yields to the event loop, so serialising a large snapshot never blocks it for long.
      if (pendingBytes >= CHUNK_BYTES) {
        await fh.write(Buffer.concat(pending));
        size += pendingBytes;
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length > 0) await fh.write(Buffer.concat(pending));
    size += pendingBytes;
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, SNAPSHOT_FILE));
  await fsyncDir(dir);
  return size;
}

/** What a loaded snapshot returns itself; collections and documents go to the sink as they are read. */
export type LoadedSnapshot = Omit<SnapshotImage<Buffer>, "colls">;

export interface SnapshotSink {
  /** A collection, before its documents. */
  collection(c: Omit<SnapshotColl<Buffer>, "docs">): void;
  /** A chunk of that collection's documents as raw BSON. */
  documents(c: { db: string; coll: string }, docs: Buffer[]): void;
}

/**
 * Read the snapshot, or null when none exists. Every record's CRC and the end marker are checked
 * before anything reaches the sink: a snapshot is only ever installed complete (by rename), so
 * damage here is real corruption and is reported instead of half loaded. Documents are then
 * streamed to the sink chunk by chunk, so they are never all held twice (raw and parsed).
 */
export async function readSnapshot(dir: string, sink: SnapshotSink): Promise<LoadedSnapshot | null> {
  await unlink(join(dir, TMP_FILE)).catch(() => {});
  let buf: Buffer;
  try {
    buf = await readFile(join(dir, SNAPSHOT_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const payloads: Buffer[] = [];
  for (const f of scanFrames(buf)) {
    if (f.kind !== "ok")
      throw new Error(`snapshot ${join(dir, SNAPSHOT_FILE)} is damaged at byte ${f.start}: ${f.reason}`);
    payloads.push(f.payload);
  }
  const typeOf = (p: Buffer | undefined) => (p ? deserialize(splitDocs(p)[0]!).type : undefined);
  if (typeOf(payloads[0]) !== "header" || typeOf(payloads[payloads.length - 1]) !== "end") {
    throw new Error(`snapshot ${join(dir, SNAPSHOT_FILE)} lacks its header or end record`);
  }
  let img: LoadedSnapshot | null = null;
  let current: { db: string; coll: string } | null = null;
  for (const payload of payloads) {
    const [head, ...rest] = splitDocs(payload);
    const h = deserialize(head!, { useBigInt64: true });
    if (h.type === "header") {
      img = {
        seq: BigInt(h.s),
        ts: { t: Number(h.t), i: Number(h.i) },
        journalGen: Number(h.gen),
        evicted: { seq: BigInt(h.es), ts: { t: Number(h.et), i: Number(h.ei) } },
        history: [],
      };
    } else if (!img) {
      throw new Error("snapshot: record before header");
    } else if (h.type === "coll") {
      const meta = decodeDoc(head!);
      current = { db: meta.db, coll: meta.coll };
      sink.collection({
        db: meta.db,
        coll: meta.coll,
        options: meta.options,
        ...(meta.uuid ? { uuid: meta.uuid } : {}),
        indexes: meta.indexes,
      });
    } else if (h.type === "docs") {
      if (!current) throw new Error("snapshot: documents before collection");
      sink.documents(current, rest);
    } else if (h.type === "hist") {
      (h.e as Document[]).forEach((m, k) => {
        img!.history.push({
          seq: BigInt(m.s),
          ts: { t: Number(m.t), i: Number(m.i) },
          wall: m.w as Date,
          db: m.db,
          coll: m.c ?? null,
          kind: m.k as ChangeOp["op"],
          bytes: Buffer.from(rest[k]!),
        });
      });
    }
  }
  return img;
}
