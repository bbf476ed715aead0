import { mkdir, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { encodeBatch, encodeOp } from "./codec.js";
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits, OpHistory } from "./history.js";
import { DirLock } from "./lock.js";
import { CommitClock } from "./memory.js";
import { JournalWriter } from "./journal.js";
import { JOURNAL_RE, journalName } from "./layout.js";
import { recoverInto } from "./recovery.js";
import { type SnapshotColl, writeSnapshot } from "./snapshot.js";
import type { ChangeOp, CollectionImage, CommittedOp, Persistence } from "./types.js";

/** Log sink; `level` is "warn" for data-loss-adjacent events (dropped records, stale locks, failures). */
export type StorageLogger = (msg: string, level?: "info" | "warn") => void;

export interface FilePersistenceOptions {
  dbPath: string;
  logger?: StorageLogger;
  /** Journal size that triggers compaction into a snapshot (default 64 MiB). */
  compactBytes?: number;
  history?: HistoryLimits;
}

const RESOLVED = Promise.resolve();

/**
 * Durable persistence in a data directory: one journal record per committed batch (group-commit
 * fsync), compaction into an atomically installed snapshot when the journal grows, recovery as
 * snapshot + journal replay, an exclusive directory lock, and the oplog history for change streams.
 */
export class FilePersistence implements Persistence {
  readonly dir: string;
  history: OpHistory;
  private readonly log: StorageLogger;
  private readonly compactBytes: number;
  private readonly limits: HistoryLimits;
  private clock = new CommitClock();
  private lock: DirLock | null = null;
  private writer: JournalWriter | null = null;
  private gen = 1;
  private source: (() => Iterable<CollectionImage>) | null = null;
  private compacting: Promise<void> | null = null;
  readonly stats = { compactions: 0, lastCompactionMs: 0, recoveredBatches: 0, droppedTail: false };

  constructor(opts: FilePersistenceOptions) {
    this.dir = opts.dbPath;
    this.log = opts.logger ?? ((m) => console.error(`[embedded-mongo storage] ${m}`));
    this.compactBytes = opts.compactBytes ?? 64 * 1024 * 1024;
    this.limits = opts.history ?? DEFAULT_HISTORY_LIMITS;
    this.history = new OpHistory(this.limits);
  }

  async open(apply: (ops: ChangeOp[]) => void): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.lock = DirLock.acquire(this.dir, this.log);
    try {
      const r = await recoverInto(this.dir, apply, this.limits, this.log);
      this.history = r.history;
      this.clock = new CommitClock(r.last);
      this.gen = r.gen;
      this.stats.recoveredBatches = r.batches;
      this.stats.droppedTail = r.droppedTail;
      this.writer = await JournalWriter.open(join(this.dir, journalName(this.gen)), (seq) =>
        this.history.publish(seq),
      );
    } catch (err) {
      this.lock.release();
      this.lock = null;
      throw err;
    }
  }

  commit(ops: ChangeOp[], opts: { durable: boolean }): { committed: CommittedOp[]; durable: Promise<void> } {
    const writer = this.writer;
    if (!writer) throw new Error("FilePersistence.commit before open (or after close)");
    if (ops.length === 0) return { committed: [], durable: RESOLVED };
    const committed = this.clock.stamp(ops);
    // One serialisation per op, shared by the journal record and the history.
    const opBytes = ops.map(encodeOp);
    this.history.append(committed, opBytes);
    const written = writer.append(encodeBatch(committed, opBytes), committed[committed.length - 1]!.seq);
    written.then(
      () => this.maybeCompact(),
      () => {},
    );
    if (!opts.durable) {
      written.catch((err) =>
        this.log(`unacknowledged write failed to reach the journal: ${String(err)}`, "warn"),
      );
      return { committed, durable: RESOLVED };
    }
    return { committed, durable: written };
  }

  setSnapshotSource(source: () => Iterable<CollectionImage>): void {
    this.source = source;
  }

  /** Compact now (tests, shutdown); resolves when the snapshot is installed and old journals gone. */
  compact(): Promise<void> {
    if (!this.compacting) {
      this.compacting = this.runCompaction().finally(() => {
        this.compacting = null;
      });
    }
    return this.compacting;
  }

  get journalBytes(): number {
    return this.writer?.size ?? 0;
  }

  get writerStats(): { fsyncs: number; records: number } {
    return this.writer?.stats ?? { fsyncs: 0, records: 0 };
  }

  async close(): Promise<void> {
    if (this.compacting) await this.compacting.catch(() => {});
    const writer = this.writer;
    this.writer = null;
    if (writer) await writer.close();
    this.lock?.release();
    this.lock = null;
  }

  private maybeCompact(): void {
    if (this.compacting || !this.source || !this.writer || this.writer.size < this.compactBytes) return;
    this.compact().catch((err) =>
      this.log(`compaction failed (journal kept, will retry): ${String(err)}`, "warn"),
    );
  }

  private async runCompaction(): Promise<void> {
    const writer = this.writer;
    const source = this.source;
    if (!writer || !source) return;
    const started = performance.now();
    // Synchronous cut: the engine applies and commits each command in one tick, so the catalog
    // seen here is exactly the state at clock.last(). Only references are taken now; documents are
    // immutable in the engine (writes replace them), and are serialised while the snapshot is written.
    const at = this.clock.last();
    const colls: SnapshotColl[] = [];
    for (const img of source()) {
      colls.push({
        db: img.db,
        coll: img.coll,
        options: img.options,
        ...(img.uuid ? { uuid: img.uuid } : {}),
        indexes: img.indexes,
        docs: Array.from(img.docs),
      });
    }
    const history = this.history.retained();
    const evicted = this.history.evictedThrough();
    const oldGen = this.gen;
    this.gen = oldGen + 1;
    // Later commits go to the new journal; everything before is fsynced in the old one first.
    const rotated = writer.rotate(join(this.dir, journalName(this.gen)));
    const size = await writeSnapshot(this.dir, {
      seq: at.seq,
      ts: at.ts,
      journalGen: this.gen,
      evicted,
      colls,
      history,
    });
    await rotated;
    for (const name of await readdir(this.dir)) {
      const m = JOURNAL_RE.exec(name);
      if (m && Number(m[1]) < this.gen) await unlink(join(this.dir, name));
    }
    this.stats.compactions++;
    this.stats.lastCompactionMs = performance.now() - started;
    this.log(
      `compacted through seq ${at.seq} into ${size} byte snapshot (${colls.length} collections) in ${Math.round(this.stats.lastCompactionMs)} ms`,
    );
  }
}
