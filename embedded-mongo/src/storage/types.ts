import type { Binary, Document } from "bson";
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
  /** collMod: new keys that would duplicate are refused, existing duplicates stay. */
  prepareUnique?: boolean;
  /** collMod: kept and listed, never chosen by the planner. */
  hidden?: boolean;
  /** The index's string order (MongoDB's full collation document); absent = binary order. */
  collation?: Document;
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

/**
 * `uuid` is the UUID of the op's collection: assigned to a create when first applied, stamped on
 * every other op at commit (drop and rename before they remove it), so change events can report
 * collectionUUID even after the collection is gone.
 */
export type ChangeOp = ChangeOpBody & { txn?: TxnTag; uuid?: Binary };

/**
 * A collMod: options set (or removed when undefined) on the collection and changes to one index.
 * `description` is the request as change streams report it (operationDescription).
 */
export interface CollModOp {
  op: "collMod";
  db: string;
  coll: string;
  set: Document;
  unset: string[];
  index?: { name: string; set: Document; unset: string[] };
  description: Document;
  /** Options before the change (stateBeforeChange.collectionOptions in the modify event). */
  before: Document;
}

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
      /** Pre-image, kept when the collection has changeStreamPreAndPostImages enabled. */
      pre?: Document;
    }
  | { op: "replace"; db: string; coll: string; id: unknown; doc: Document; pre?: Document }
  | { op: "delete"; db: string; coll: string; id: unknown; pre?: Document }
  | { op: "create"; db: string; coll: string; options: Document }
  | CollModOp
  | { op: "drop"; db: string; coll: string }
  | { op: "dropDatabase"; db: string }
  /** dropTarget: UUID of the existing target collection, dropped by the rename. */
  | { op: "rename"; db: string; coll: string; toDb: string; toColl: string; dropTarget?: Binary }
  | { op: "createIndexes"; db: string; coll: string; indexes: IndexSpec[] }
  /** indexes: the dropped specs (for the dropIndexes change event); absent in older journals. */
  | { op: "dropIndexes"; db: string; coll: string; names: string[]; indexes?: IndexSpec[] };

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
  uuid?: Binary;
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
