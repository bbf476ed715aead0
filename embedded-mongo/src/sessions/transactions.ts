import { createHash } from "node:crypto";
import { Binary, type Document, Long } from "bson";
import { CommandError } from "../commands/errors.js";
import { ridOf } from "../engine/collection.js";
import type { Engine } from "../engine/engine.js";
import type { ChangeOp } from "../storage/types.js";
import { type LockTable, Transaction } from "./transaction.js";
import { SnapshotWindow } from "./snapshot-read.js";
import { type ClusterTime, VersionStore } from "./versions.js";

export const TRANSIENT = { errorLabels: ["TransientTransactionError"] };

/** MongoDB's lsid.uid without authentication: SHA-256 of the empty user name. */
const NO_USER_UID = new Binary(createHash("sha256").update("").digest(), 0);

const noop = (): void => {};

/**
 * Every session's latest transaction, the write locks, and the versions snapshots need. Commit
 * applies a transaction's ops to the live collections in one synchronous step (nobody can see
 * half of it) and journals them as one batch (one record: after a crash, all or nothing).
 */
export class Transactions {
  private readonly versions: VersionStore;
  /** Snapshots held for `readConcern: snapshot` reads outside transactions. */
  readonly snapshots: SnapshotWindow;
  private readonly locks: LockTable = new Map();
  private readonly bySession = new Map<string, Transaction>();
  /** MongoDB's transactionLifetimeLimitSeconds (setParameter). */
  lifetimeLimitSeconds = 60;

  constructor(private readonly engine: Engine) {
    this.versions = new VersionStore(() => engine.lastCommitted().ts);
    this.snapshots = new SnapshotWindow(this.versions);
    engine.setChangeObserver(this.versions.observe);
  }

  /** Whether any transaction holds a write lock (autocommit writes must then respect them). */
  get busy(): boolean {
    return this.locks.size > 0;
  }

  current(session: string): Transaction | undefined {
    return this.bySession.get(session);
  }

  /** Start `txnNumber` on `session`; an older one still open there is aborted, as MongoDB does. */
  begin(session: string, lsid: Document, txnNumber: bigint): Transaction {
    const prior = this.bySession.get(session);
    if (prior) this.abort(prior);
    const tag = { lsid: { id: lsid.id, uid: NO_USER_UID }, txnNumber: Long.fromBigInt(txnNumber) };
    const txn = new Transaction(this.engine, this.versions, this.locks, tag, txnNumber);
    txn.timer = setTimeout(() => this.abort(txn), this.lifetimeLimitSeconds * 1000);
    txn.timer.unref();
    this.bySession.set(session, txn);
    return txn;
  }

  /** A one-command transaction for an autocommit write while transactions hold locks. */
  autocommit(): Transaction {
    return new Transaction(this.engine, this.versions, this.locks, null, 0n);
  }

  /**
   * A read-only transaction over the state at cluster time `at`, for a snapshot read; the state
   * stays readable for the snapshot window. SnapshotTooOld when its versions are not kept.
   */
  snapshotRead(at: ClusterTime): Transaction {
    const clock = this.versions.clockAt(at);
    if (clock === undefined)
      throw new CommandError(
        "SnapshotTooOld",
        `Read timestamp Timestamp(${at.t}, ${at.i}) is older than the oldest available timestamp.`,
      );
    this.snapshots.hold(clock);
    return new Transaction(this.engine, this.versions, this.locks, null, 0n, clock);
  }

  abort(txn: Transaction): void {
    txn.finish("aborted");
  }

  endSession(session: string): void {
    const txn = this.bySession.get(session);
    if (!txn) return;
    this.abort(txn);
    this.bySession.delete(session);
  }

  /**
   * Make the transaction's writes visible and durable. Throws WriteConflict (transient, the
   * transaction aborted) when a collection it used was dropped, or when applying finds a
   * conflict the per-document locks cannot see (a unique key another transaction committed).
   */
  commit(txn: Transaction, durable: boolean): Promise<void> {
    if (txn.staleViews().length > 0) {
      this.abort(txn);
      throw new CommandError("WriteConflict", "a collection used by the transaction was dropped", TRANSIENT);
    }
    const ops: ChangeOp[] = txn.tag ? txn.ops.map((op) => ({ ...op, txn: txn.tag! })) : txn.ops;
    try {
      this.applyAll(ops);
    } catch (e) {
      this.abort(txn);
      if (!(e instanceof CommandError)) throw e;
      throw new CommandError("WriteConflict", `transaction commit conflicted: ${e.message}`, TRANSIENT);
    }
    txn.finish("committed");
    txn.committing = this.engine.commit(ops, durable);
    return txn.committing;
  }

  /** Apply in order; on a failure undo what was applied, so the live state is untouched. */
  private applyAll(ops: ChangeOp[]): void {
    const undo: (() => void)[] = [];
    try {
      for (const op of ops) {
        const u = this.undoFor(op);
        this.engine.applyOp(op);
        undo.push(u);
      }
    } catch (e) {
      for (const u of undo.reverse()) u();
      throw e;
    }
  }

  private undoFor(op: ChangeOp): () => void {
    const e = this.engine;
    if (op.op === "create") {
      return e.collection(op.db, op.coll) ? noop : () => e.applyOp({ op: "drop", db: op.db, coll: op.coll });
    }
    if (op.op !== "insert" && op.op !== "update" && op.op !== "replace" && op.op !== "delete") return noop;
    const coll = e.collection(op.db, op.coll);
    if (!coll) return noop;
    if (op.op === "insert") {
      const rid = ridOf(op.doc._id);
      return () => coll.delete(rid);
    }
    const rid = ridOf(op.id);
    const prev = coll.get(rid);
    if (!prev) return noop;
    return op.op === "delete" ? () => coll.insert(prev) : () => coll.replace(rid, prev);
  }
}
