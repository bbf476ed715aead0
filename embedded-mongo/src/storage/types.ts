import type { Document } from "bson";
import type { OpLogReader } from "./history.js";

/**
 * The boundary between the engine (catalog, indexes, commands) and the storage layer
 * (journal, snapshot, oplog, change streams). Every committed mutation is described by
 * ChangeOps; the engine applies them in memory and hands them to Persistence in the
 * same order, one batch per command, so a batch is journaled atomically.
 */

export interface IndexSpec {
  name: string;
  key: Document;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
}

export interface UpdateDescription {
  updatedFields: Document;
  removedFields: string[];
  truncatedArrays: { field: string; newSize: number }[];
}

/** The session transaction an op was committed by (change events carry it as lsid/txnNumber). */
export interface TxnTag {
  lsid: Document;
  txnNumber: unknown;
}

export type ChangeOp = ChangeOpBody & { txn?: TxnTag };

type ChangeOpBody =
  | { op: "insert"; db: string; coll: string; doc: Document }
  /** doc is the full post-image; updateDescription is computed by the engine from pre/post. */
  | {
      op: "update";
      db: string;
      coll: string;
      id: unknown;
      doc: Document;
      updateDescription: UpdateDescription;
    }
  | { op: "replace"; db: string; coll: string; id: unknown; doc: Document }
  | { op: "delete"; db: string; coll: string; id: unknown }
  | { op: "create"; db: string; coll: string; options: Document }
  | { op: "drop"; db: string; coll: string }
  | { op: "dropDatabase"; db: string }
  | { op: "rename"; db: string; coll: string; toDb: string; toColl: string }
  | { op: "createIndexes"; db: string; coll: string; indexes: IndexSpec[] }
  | { op: "dropIndexes"; db: string; coll: string; names: string[] };

/** A ChangeOp after commit: its position in the history (the oplog). */
export interface CommittedOp {
  /** Strictly increasing across the whole store, survives restarts. */
  seq: bigint;
  /** Cluster time (BSON Timestamp as {t, i}) of the commit. */
  ts: { t: number; i: number };
  /** Wall clock of the commit. */
  wall: Date;
  /** Position of this op inside its batch (several ops can share one ts). */
  op: ChangeOp;
}

/** Everything needed to write a snapshot: the full catalog. */
export interface CollectionImage {
  db: string;
  coll: string;
  options: Document;
  indexes: IndexSpec[];
  docs: Iterable<Document>;
}

export interface Persistence {
  /**
   * Load the snapshot and replay the journal, calling `apply` with each recovered batch in order
   * (a torn tail record is dropped). Resolves once the store is ready to accept writes.
   */
  open(apply: (ops: ChangeOp[]) => void): Promise<void>;
  /**
   * Record one command's changes. Assigns seq/ts synchronously (so the order of calls is the
   * commit order), returns a promise that resolves when the batch is durable (fsynced, group commit)
   * or immediately for in-memory stores / unacknowledged writes.
   */
  commit(ops: ChangeOp[], opts: { durable: boolean }): { committed: CommittedOp[]; durable: Promise<void> };
  /** Give the storage layer a way to read the full catalog for compaction into a snapshot. */
  setSnapshotSource(source: () => Iterable<CollectionImage>): void;
  close(): Promise<void>;
  /**
   * Added by the storage/change-stream side: the retained oplog (committed ops, visible once
   * durable) that change streams read and resume from. Set by createPersistence() in both modes.
   */
  readonly history?: OpLogReader;
}
