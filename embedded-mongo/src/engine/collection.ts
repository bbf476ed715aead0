import type { Binary, Document } from "bson";
import { CommandError } from "../commands/errors.js";
import type { IndexSpec } from "../storage/types.js";
import { canonicalKey } from "./bson-order.js";
import { BTreeIndex } from "./btree-index.js";
import { formatDoc } from "./format.js";

export const ID_INDEX: IndexSpec = { name: "_id_", key: { _id: 1 } };

/** Told the previous version of a document just before it changes (transactions keep snapshots). */
export type ChangeObserver = (coll: Collection, rid: string, prev: Document | undefined) => void;

/** Record id: the canonical form of `_id`, so equal ids of different numeric types collide. */
export function ridOf(id: unknown): string {
  return canonicalKey(id);
}

/**
 * One collection: documents in insertion order keyed by record id, plus its secondary
 * indexes. Documents stored here are never handed out for mutation; writers replace them.
 */
export class Collection {
  readonly docs = new Map<string, Document>();
  /** Secondary indexes (what listIndexes shows besides `_id_`). */
  readonly indexes = new Map<string, BTreeIndex>();
  /**
   * `_id` in order, for ranges and sorts on `_id` (pagination); point lookups use `docs`.
   * `_id` never changes, so only inserts and deletes touch it.
   */
  readonly idIndex = new BTreeIndex(ID_INDEX);
  /** Documents looked at by queries (an explain-like counter for tests and stats). */
  docsExamined = 0;
  /** Set by the engine from the create op (listCollections info.uuid, change events' collectionUUID). */
  uuid: Binary | undefined;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
    private readonly observer?: ChangeObserver,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get(rid: string): Document | undefined {
    return this.docs.get(rid);
  }

  /** `{ pre: doc }` for an update/replace/delete op when the collection keeps pre-images. */
  preImageOf(doc: Document): { pre?: Document } {
    return this.options.changeStreamPreAndPostImages?.enabled === true ? { pre: doc } : {};
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  protected dupKey(index: { name: string; fields: [string, number][] }, key: unknown[]): CommandError {
    const keyPattern: Document = {};
    const keyValue: Document = {};
    index.fields.forEach(([f, d], i) => {
      keyPattern[f] = d;
      keyValue[f] = key[i] ?? null;
    });
    return new CommandError(
      "DuplicateKey",
      `E11000 duplicate key error collection: ${this.ns} index: ${index.name} dup key: ${formatDoc(keyValue)}`,
      { keyPattern, keyValue },
    );
  }

  protected idDup(id: unknown): CommandError {
    return this.dupKey({ name: "_id_", fields: [["_id", 1]] }, [id]);
  }

  /** Keys of `doc` for each index, after checking unique constraints (excluding `rid` itself). */
  private keysChecked(doc: Document, rid: string): Map<BTreeIndex, unknown[][]> {
    const all = new Map<BTreeIndex, unknown[][]>();
    for (const idx of this.indexes.values()) {
      const keys = idx.keysFor(doc);
      if (!keys) continue;
      if (idx.unique) {
        const clash = idx.findConflict(keys, rid);
        if (clash) throw this.dupKey(idx, clash);
      }
      all.set(idx, keys);
    }
    return all;
  }

  insert(doc: Document): void {
    let rid = ridOf(doc._id);
    if (this.docs.has(rid)) {
      if (!this.options.timeseries) throw this.idDup(doc._id);
      rid = this.duplicateRid(rid);
    }
    const keys = this.keysChecked(doc, rid);
    this.observer?.(this, rid, undefined);
    for (const [idx, k] of keys) idx.add(rid, k);
    this.idIndex.add(rid, [[doc._id]]);
    this.docs.set(rid, doc);
  }

  /**
   * A time-series collection has no unique `_id` index (MongoDB stores measurements in buckets),
   * so a repeated `_id` gets a record id of its own. Replay inserts in the same order, so the
   * journal gives the same ids back. Updates and deletes address a record by `_id`: they reach
   * the first of the duplicates only (see README).
   */
  private duplicateRid(rid: string): string {
    for (let n = 1; ; n++) {
      const r = `${rid}\u0000${n}`;
      if (!this.docs.has(r)) return r;
    }
  }

  /** Replace the document stored under `rid` (its _id is unchanged). */
  replace(rid: string, next: Document): void {
    const prev = this.docs.get(rid);
    if (!prev) return;
    const keys = this.keysChecked(next, rid);
    this.observer?.(this, rid, prev);
    for (const idx of this.indexes.values()) {
      const old = idx.keysFor(prev);
      if (old) idx.remove(rid, old);
      const k = keys.get(idx);
      if (k) idx.add(rid, k);
    }
    this.docs.set(rid, next);
  }

  delete(rid: string): Document | undefined {
    const prev = this.docs.get(rid);
    if (!prev) return undefined;
    this.observer?.(this, rid, prev);
    for (const idx of this.indexes.values()) {
      const old = idx.keysFor(prev);
      if (old) idx.remove(rid, old);
    }
    this.idIndex.remove(rid, [[prev._id]]);
    this.docs.delete(rid);
    return prev;
  }

  /** Build an index over existing documents; fails (and leaves nothing behind) on duplicates. */
  createIndex(spec: IndexSpec): void {
    if (spec.name === "_id_") return;
    const idx = new BTreeIndex(spec);
    for (const [rid, doc] of this.docs) {
      const keys = idx.keysFor(doc);
      if (!keys) continue;
      // A prepareUnique index tolerates the duplicates it was built over.
      if (idx.unique && spec.unique === true) {
        const clash = idx.findConflict(keys, rid);
        if (clash) throw this.dupKey(idx, clash);
      }
      idx.add(rid, keys);
    }
    this.indexes.set(spec.name, idx);
  }

  /**
   * Records whose visible version may differ from what the indexes hold (a transaction's view,
   * see src/sessions/); queries re-check them. A plain collection has none.
   */
  changedRids(): ReadonlySet<string> | null {
    return null;
  }

  /** Every index usable for planning, `_id` first. */
  *planIndexes(): Generator<BTreeIndex> {
    yield this.idIndex;
    for (const idx of this.indexes.values()) if (idx.spec.hidden !== true) yield idx;
  }

  dropIndex(name: string): boolean {
    return this.indexes.delete(name);
  }
}
