import type { Document } from "bson";
import type { BTreeIndex } from "../engine/btree-index.js";
import { canonicalKey } from "../engine/bson-order.js";
import { Collection, ridOf } from "../engine/collection.js";

/** What a transaction's collection view needs from its transaction. */
export interface ViewOwner {
  /** The committed document under `rid` as of the transaction's snapshot. */
  committed(base: Collection, rid: string): Document | undefined;
  /** Records of `base` changed by others since the snapshot. */
  changedAfterSnapshot(base: Collection): string[];
  /** Take the write lock on (base, rid) or throw a WriteConflictSignal. */
  claim(base: Collection, rid: string): void;
}

/**
 * A collection as one transaction sees it: the committed state at its snapshot plus its own
 * writes, which stay in `overlay` (null = deleted) until commit. It stands in for the Collection
 * the command handlers work with, so find/update/delete/aggregate run unchanged inside a
 * transaction. Index scans come from the live collection; the records whose visible version
 * may differ from it (`changedRids`) are re-read by findDocs.
 */
export class TxnCollection extends Collection {
  readonly overlay = new Map<string, Document | null>();
  override readonly docs: Map<string, Document>;
  override readonly indexes: Map<string, BTreeIndex>;
  override readonly idIndex: BTreeIndex;

  constructor(
    readonly base: Collection,
    private readonly owner: ViewOwner,
    /** Created by this transaction (base is not in the catalog until commit). */
    readonly created = false,
  ) {
    super(base.db, base.name, base.options);
    this.docs = new SnapshotDocs(this);
    this.indexes = base.indexes;
    this.idIndex = base.idIndex;
  }

  override get(rid: string): Document | undefined {
    const own = this.overlay.get(rid);
    if (own !== undefined) return own ?? undefined;
    return this.owner.committed(this.base, rid);
  }

  override changedRids(): ReadonlySet<string> {
    const out = new Set(this.overlay.keys());
    for (const rid of this.owner.changedAfterSnapshot(this.base)) out.add(rid);
    return out;
  }

  override indexSpecs() {
    return this.base.indexSpecs();
  }

  override insert(doc: Document): void {
    const rid = ridOf(doc._id);
    this.owner.claim(this.base, rid);
    if (this.get(rid)) throw this.idDup(doc._id);
    this.checkUnique(doc, rid);
    this.overlay.set(rid, doc);
  }

  override replace(rid: string, next: Document): void {
    this.owner.claim(this.base, rid);
    if (!this.get(rid)) return;
    this.checkUnique(next, rid);
    this.overlay.set(rid, next);
  }

  override delete(rid: string): Document | undefined {
    this.owner.claim(this.base, rid);
    const prev = this.get(rid);
    if (prev) this.overlay.set(rid, null);
    return prev;
  }

  /** Unique indexes, checked against what this transaction sees (not the live collection). */
  private checkUnique(doc: Document, rid: string): void {
    let changed: ReadonlySet<string> | undefined;
    for (const idx of this.indexes.values()) {
      if (!idx.unique) continue;
      const keys = idx.keysFor(doc);
      if (!keys) continue;
      changed ??= this.changedRids();
      for (const key of keys) {
        const want = canonicalKey(key);
        const holds = (other: string): boolean => {
          if (other === rid) return false;
          const d = this.get(other);
          return d !== undefined && (idx.keysFor(d) ?? []).some((k) => canonicalKey(k) === want);
        };
        for (const other of idx.scan({ eq: key }))
          if (!changed.has(other) && holds(other)) throw this.dupKey(idx, key);
        for (const other of changed) if (holds(other)) throw this.dupKey(idx, key);
      }
    }
  }
}

/**
 * The visible documents of a TxnCollection as a read-only Map (scans, counts and aggregation
 * sources read `coll.docs`): live documents not changed since the snapshot, then the changed ones
 * in their visible version.
 */
class SnapshotDocs extends Map<string, Document> {
  constructor(private readonly view: TxnCollection) {
    super();
  }

  override get(rid: string): Document | undefined {
    return this.view.get(rid);
  }

  override has(rid: string): boolean {
    return this.view.get(rid) !== undefined;
  }

  override get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  override *entries(): MapIterator<[string, Document]> {
    const changed = this.view.changedRids();
    for (const [rid, d] of this.view.base.docs) if (!changed.has(rid)) yield [rid, d];
    for (const rid of changed) {
      const d = this.view.get(rid);
      if (d) yield [rid, d];
    }
  }

  override *keys(): MapIterator<string> {
    for (const [rid] of this.entries()) yield rid;
  }

  override *values(): MapIterator<Document> {
    for (const [, d] of this.entries()) yield d;
  }

  override [Symbol.iterator](): MapIterator<[string, Document]> {
    return this.entries();
  }

  override forEach(fn: (d: Document, rid: string, map: Map<string, Document>) => void): void {
    for (const [rid, d] of this.entries()) fn(d, rid, this);
  }

  override set(): this {
    throw new Error("a transaction's view is written through its collection");
  }

  override delete(): boolean {
    throw new Error("a transaction's view is written through its collection");
  }
}
