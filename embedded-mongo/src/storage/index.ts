import { encodeOp } from "./codec.js";
import { FilePersistence, type StorageLogger } from "./file.js";
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits, OpHistory } from "./history.js";
import { MemoryPersistence } from "./memory.js";
import type { ChangeOp, CollectionImage, CommittedOp, Persistence } from "./types.js";

export { FilePersistence, type FilePersistenceOptions, type StorageLogger } from "./file.js";
export { DirectoryLockedError } from "./lock.js";
export { OpHistory, type OpLogReader, type HistoryEntry, type HistoryLimits } from "./history.js";

/**
 * In-memory persistence plus an oplog history, so change streams (and their resume tokens) work
 * the same without a data directory; only durability differs.
 */
export class MemoryPersistenceWithHistory implements Persistence {
  private readonly inner = new MemoryPersistence();
  readonly history: OpHistory;

  constructor(limits: HistoryLimits = DEFAULT_HISTORY_LIMITS) {
    this.history = new OpHistory(limits);
  }

  open(apply: (ops: ChangeOp[]) => void): Promise<void> {
    return this.inner.open(apply);
  }

  commit(ops: ChangeOp[], opts: { durable: boolean }): { committed: CommittedOp[]; durable: Promise<void> } {
    const res = this.inner.commit(ops, opts);
    if (res.committed.length > 0) {
      this.history.append(res.committed, ops.map(encodeOp));
      this.history.publish(res.committed[res.committed.length - 1]!.seq);
    }
    return res;
  }

  setSnapshotSource(source: () => Iterable<CollectionImage>): void {
    this.inner.setSnapshotSource(source);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface CreatePersistenceOptions {
  /** Data directory; omitted/empty means in-memory. */
  dbPath?: string | undefined;
  logger?: StorageLogger | undefined;
  /** Journal size that triggers compaction (file mode). */
  compactBytes?: number | undefined;
  history?: HistoryLimits | undefined;
}

/** File-backed persistence when `dbPath` is set, in-memory (with oplog history) otherwise. */
export function createPersistence(opts: CreatePersistenceOptions = {}): Persistence {
  // EMBEDDED_MONGO_HISTORY_OPS shrinks the oplog (tests of ChangeStreamHistoryLost through the server).
  const envOps = Number(process.env.EMBEDDED_MONGO_HISTORY_OPS) || 0;
  const history =
    opts.history ?? (envOps > 0 ? { ...DEFAULT_HISTORY_LIMITS, maxOps: envOps } : DEFAULT_HISTORY_LIMITS);
  if (!opts.dbPath) return new MemoryPersistenceWithHistory(history);
  // The environment knob lets tests (crash test) force frequent compactions through the server.
  const compactBytes = opts.compactBytes ?? (Number(process.env.EMBEDDED_MONGO_COMPACT_BYTES) || undefined);
  return new FilePersistence({
    dbPath: opts.dbPath,
    history,
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(compactBytes ? { compactBytes } : {}),
  });
}
