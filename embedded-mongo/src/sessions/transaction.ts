import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { Collection } from "../engine/collection.js";
import { Engine } from "../engine/engine.js";
import type { ChangeOp, TxnTag } from "../storage/types.js";
import { TxnCollection, type ViewOwner } from "./txn-collection.js";
import type { VersionStore } from "./versions.js";

export type TxnState = "inProgress" | "committed" | "aborted";

/**
 * Thrown (not a CommandError, so write batches do not turn it into a per-item write error) when
 * a write touches a document another transaction holds or that changed since the snapshot.
 * Nothing has been applied to the live collections when it is thrown.
 */
export class WriteConflictSignal extends Error {
  constructor(readonly holder: Transaction | null) {
    super("Write conflict during plan execution and yielding is disabled.");
  }
}

/** Who holds the write lock on each record: one map per live collection. */
export type LockTable = Map<Collection, Map<string, Transaction>>;

/**
 * One transaction: its snapshot, its per-collection views (own writes), the ops it will commit
 * and the write locks it holds. Autocommit writes that must respect other transactions' locks
 * run as a short-lived Transaction without a session (`tag` null).
 */
export class Transaction implements ViewOwner {
  state: TxnState = "inProgress";
  readonly snapshot: number;
  readonly ops: ChangeOp[] = [];
  private readonly views = new Map<string, TxnCollection>();
  private readonly held: [Collection, string][] = [];
  /** Resolves once committed or aborted (writers waiting on a lock retry then). */
  readonly ended: Promise<void>;
  private end!: () => void;
  /** The commit's durability, so a retried commitTransaction answers when the first one does. */
  committing: Promise<void> | null = null;
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly engine: Engine,
    private readonly versions: VersionStore,
    private readonly locks: LockTable,
    readonly tag: TxnTag | null,
    readonly txnNumber: bigint,
    /** A past snapshot (VersionStore.clockAt) instead of the present. */
    at?: number,
  ) {
    this.snapshot = at === undefined ? versions.snapshot() : versions.snapshotAt(at);
    this.ended = new Promise((r) => {
      this.end = r;
    });
  }

  // ---- ViewOwner ----

  committed(base: Collection, rid: string): Document | undefined {
    return this.versions.valueAt(base, rid, this.snapshot);
  }

  changedAfterSnapshot(base: Collection): string[] {
    return this.versions.changedAfter(base, this.snapshot);
  }

  claim(base: Collection, rid: string): void {
    let byRid = this.locks.get(base);
    const holder = byRid?.get(rid);
    if (holder === this) return;
    if (holder) throw new WriteConflictSignal(holder);
    if (this.versions.changedSince(base, rid, this.snapshot)) throw new WriteConflictSignal(null);
    if (!byRid) {
      byRid = new Map();
      this.locks.set(base, byRid);
    }
    byRid.set(rid, this);
    this.held.push([base, rid]);
  }

  // ---- the engine as the transaction's commands see it ----

  /** Collections seen through this transaction; undefined when it does not exist (for it). */
  collection(db: string, name: string): TxnCollection | undefined {
    const ns = `${db}.${name}`;
    const seen = this.views.get(ns);
    if (seen) return seen;
    const base = this.engine.collection(db, name);
    if (!base) return undefined;
    const view = new TxnCollection(base, this);
    this.views.set(ns, view);
    return view;
  }

  /** Implicit creation inside a transaction: the collection appears for others at commit. */
  ensureCollection(db: string, name: string, batch: ChangeOp[]): TxnCollection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    Engine.checkNames(db, name);
    batch.push({ op: "create", db, coll: name, options: {} });
    const view = new TxnCollection(new Collection(db, name, {}), this, true);
    this.views.set(`${db}.${name}`, view);
    return view;
  }

  /**
   * The catalog changes MongoDB 7 runs inside a transaction, applied to the transaction's own
   * views (others see them at commit): `create` of a collection, and `createIndexes` on a
   * collection this transaction created and has not written to yet.
   */
  applyCatalogOp(op: ChangeOp): void {
    const ns = `${op.db}.${"coll" in op ? op.coll : ""}`;
    if (op.op === "create" && op.options.viewOn === undefined) {
      const view = new TxnCollection(new Collection(op.db, op.coll, op.options), this, true);
      this.views.set(ns, view);
      return;
    }
    const view = this.views.get(ns);
    if (op.op === "createIndexes" && view?.created) {
      if (view.overlay.size > 0)
        throw new CommandError(
          "OperationNotSupportedInTransaction",
          `Cannot create new indexes on non-empty collection ${ns} in a multi-document transaction.`,
        );
      for (const spec of op.indexes) view.base.createIndex(spec);
      return;
    }
    throw new CommandError(
      "OperationNotSupportedInTransaction",
      op.op === "createIndexes"
        ? `Cannot create new indexes on existing collection ${ns} in a multi-document transaction.`
        : `Cannot run '${op.op}' in a multi-document transaction.`,
    );
  }

  /**
   * Views whose live collection was dropped or replaced since they were opened, and collections
   * this transaction creates that someone else created meanwhile (a write conflict in MongoDB).
   */
  staleViews(): TxnCollection[] {
    return [...this.views.values()].filter((v) => {
      const live = this.engine.collection(v.db, v.name);
      return v.created ? live !== undefined : live !== v.base;
    });
  }

  /** Close: give back the snapshot and locks, wake waiting writers. */
  finish(state: "committed" | "aborted"): void {
    if (this.state !== "inProgress") return;
    this.state = state;
    if (this.timer) clearTimeout(this.timer);
    this.versions.release(this.snapshot);
    for (const [base, rid] of this.held) {
      const byRid = this.locks.get(base);
      if (byRid?.get(rid) === this) byRid.delete(rid);
      if (byRid?.size === 0) this.locks.delete(base);
    }
    this.held.length = 0;
    this.views.clear();
    this.end();
  }
}

/**
 * The engine as a transaction's commands see it: collection lookups go to the transaction's
 * views and `commit` hands the ops to `record` instead of the journal. Everything else (catalog
 * listing, change-stream hooks) is the engine's own.
 */
export function engineView(
  txn: Transaction,
  record: (ops: ChangeOp[], durable: boolean) => Promise<void>,
): Engine {
  const view = Object.create(txn.engine) as Engine;
  return Object.assign(view, {
    collection: (db: string, name: string) => txn.collection(db, name),
    ensureCollection: (db: string, name: string, batch: ChangeOp[]) => txn.ensureCollection(db, name, batch),
    commit: record,
    applyOp: (op: ChangeOp) => txn.applyCatalogOp(op),
  });
}
