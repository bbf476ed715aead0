import { type Document, UUID } from "bson";
import { applyCollMod } from "./coll-mod.js";
import { CommandError } from "../commands/errors.js";
import type { ChangeOp, CollectionImage, CommittedOp, Persistence } from "../storage/types.js";
import { cloneValue } from "./bson-order.js";
import { type ChangeObserver, Collection, ridOf } from "./collection.js";
import type { EngineHooks } from "./hooks.js";

const VALID_NAME = /^[^\0$]+$/;

/**
 * The catalog (databases → collections) and the single place where changes are applied and
 * committed. Live writes and journal recovery go through `applyOp`, so both build the same state.
 */
export class Engine implements EngineHooks {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  private readonly listeners = new Set<(ops: CommittedOp[]) => void>();
  private last: { seq: bigint; ts: { t: number; i: number } } = { seq: 0n, ts: { t: 0, i: 0 } };

  private observer: ChangeObserver | undefined;
  /** Every collection reports through this, so an observer set later still sees all of them. */
  private readonly observe: ChangeObserver = (c, rid, prev) => this.observer?.(c, rid, prev);

  constructor(readonly persistence: Persistence) {}

  /** Transactions keep the versions their snapshots need (src/sessions/versions.ts). */
  setChangeObserver(observer: ChangeObserver): void {
    this.observer = observer;
  }

  async open(): Promise<void> {
    await this.persistence.open((ops) => {
      for (const op of ops) this.applyOp(op);
    });
    this.persistence.setSnapshotSource(() => this.images());
  }

  // ---- catalog ----

  databases(): string[] {
    return [...this.dbs.keys()].filter((d) => (this.dbs.get(d)?.size ?? 0) > 0);
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  static checkNames(db: string, coll: string): void {
    if (!VALID_NAME.test(db) || db.includes(".") || db.includes(" ") || db.length > 63) {
      throw new CommandError("InvalidNamespace", `Invalid database name: '${db}'`);
    }
    if (!VALID_NAME.test(coll) || coll.startsWith(".") || coll.endsWith(".")) {
      throw new CommandError("InvalidNamespace", `Invalid collection name: ${coll}`);
    }
  }

  // ---- applying changes (shared by live writes and recovery) ----

  /** Apply one op to memory. Throws CommandError (e.g. duplicate key) before changing anything. */
  applyOp(op: ChangeOp): void {
    switch (op.op) {
      case "create": {
        let db = this.dbs.get(op.db);
        if (!db) {
          db = new Map();
          this.dbs.set(op.db, db);
        }
        if (db.has(op.coll)) return;
        // Assigned on first application, before the op is journaled, so restarts keep it.
        // Views have no UUID in MongoDB.
        if (op.options.viewOn === undefined) op.uuid ??= new UUID();
        const c = new Collection(op.db, op.coll, op.options, this.observe);
        c.uuid = op.uuid;
        db.set(op.coll, c);
        return;
      }
      case "insert":
        this.mustGet(op.db, op.coll).insert(op.doc);
        return;
      case "update":
      case "replace":
        this.mustGet(op.db, op.coll).replace(ridOf(op.id), op.doc);
        return;
      case "delete":
        this.mustGet(op.db, op.coll).delete(ridOf(op.id));
        return;
      case "drop":
        this.stampUuid(op);
        this.dbs.get(op.db)?.delete(op.coll);
        return;
      case "dropDatabase":
        this.dbs.delete(op.db);
        return;
      case "rename": {
        const src = this.mustGet(op.db, op.coll);
        this.stampUuid(op);
        // The command checked dropTarget; journals from before it was folded in dropped first.
        this.dbs.get(op.toDb)?.delete(op.toColl);
        this.dbs.get(op.db)?.delete(op.coll);
        const create: ChangeOp = { op: "create", db: op.toDb, coll: op.toColl, options: src.options };
        if (src.uuid) create.uuid = src.uuid;
        this.applyOp(create);
        const dst = this.mustGet(op.toDb, op.toColl);
        for (const spec of src.indexSpecs()) dst.createIndex(spec);
        for (const d of src.docs.values()) dst.insert(d);
        return;
      }
      case "createIndexes": {
        const c = this.mustGet(op.db, op.coll);
        for (const spec of op.indexes) c.createIndex(spec);
        return;
      }
      case "dropIndexes": {
        const c = this.mustGet(op.db, op.coll);
        for (const n of op.names) c.dropIndex(n);
        return;
      }
      case "collMod":
        applyCollMod(this.mustGet(op.db, op.coll), op);
        return;
    }
  }

  /** Record the op's collection UUID on it (see ChangeOp), if it has a collection. */
  private stampUuid(op: ChangeOp): void {
    if (op.uuid || !("coll" in op)) return;
    const uuid = this.collection(op.db, op.coll)?.uuid;
    if (uuid) op.uuid = uuid;
  }

  private mustGet(db: string, coll: string): Collection {
    const c = this.collection(db, coll);
    if (!c) throw new CommandError("NamespaceNotFound", `ns not found: ${db}.${coll}`);
    return c;
  }

  /** Create the collection implicitly (as inserts/upserts/createIndexes do); returns it. */
  ensureCollection(db: string, coll: string, batch: ChangeOp[]): Collection {
    const existing = this.collection(db, coll);
    if (existing) return existing;
    Engine.checkNames(db, coll);
    const op: ChangeOp = { op: "create", db, coll, options: {} };
    this.applyOp(op);
    batch.push(op);
    return this.mustGet(db, coll);
  }

  /**
   * Hand one command's already-applied ops to persistence. Resolves when durable if `durable`,
   * otherwise at once; listeners fire after durability, in commit order.
   */
  commit(ops: ChangeOp[], durable: boolean): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) this.stampUuid(op);
    const { committed, durable: done } = this.persistence.commit(ops, { durable });
    const lastOp = committed[committed.length - 1];
    if (lastOp) this.last = { seq: lastOp.seq, ts: lastOp.ts };
    const fired = done.then(() => {
      for (const l of this.listeners) l(committed);
    });
    if (durable) return fired;
    // Unacknowledged writes have no one to report a storage failure to; the storage layer logs it.
    fired.catch(() => {});
    return Promise.resolve();
  }

  // ---- hooks for change streams ----

  findById(db: string, coll: string, id: unknown): Document | null {
    const d = this.collection(db, coll)?.get(ridOf(id));
    return d ? cloneValue(d) : null;
  }

  onCommitted(listener: (ops: CommittedOp[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lastCommitted(): { seq: bigint; ts: { t: number; i: number } } {
    return this.last;
  }

  private *images(): Iterable<CollectionImage> {
    for (const [db, colls] of this.dbs) {
      for (const c of colls.values()) {
        yield {
          db,
          coll: c.name,
          options: c.options,
          ...(c.uuid ? { uuid: c.uuid } : {}),
          indexes: c.indexSpecs(),
          docs: c.docs.values(),
        };
      }
    }
  }
}
