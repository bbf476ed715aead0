import type { Document } from "bson";
import { Query } from "mingo";
import type { IndexSpec } from "../storage/types.js";
import { type StringCompare, canonicalKey, compareValues, typeRank } from "./bson-order.js";
import { collationOf } from "./collation.js";
import { isMissing, pathValues } from "./paths.js";
import { SortedList } from "./sorted-list.js";
import { MINGO_OPTIONS } from "./mingo-options.js";

interface Entry {
  key: unknown[];
  rid: string;
}

/** A range on one field in value space; absent bounds are open within `rank`'s type bracket. */
export interface FieldRange {
  rank: number;
  lo?: unknown;
  loInc: boolean;
  hi?: unknown;
  hiInc: boolean;
}

/** Index bounds: equality on the first `eq.length` fields, then an optional range. */
export interface Bounds {
  eq: unknown[];
  range?: FieldRange;
}

/**
 * One secondary (or _id) index: a sorted list of (key, record id) entries. Only numeric
 * directions are maintained; text/2dsphere/hashed specs are kept as metadata only.
 */
export class BTreeIndex {
  readonly fields: [string, number][];
  /** False for index kinds we only record (text, 2dsphere...). */
  readonly usable: boolean;
  multikey = false;
  private readonly list: SortedList<Entry>;
  private readonly partial: Query | undefined;
  /** The collation's string order: unique keys and entry order follow it. */
  private readonly str: StringCompare | undefined;

  constructor(readonly spec: IndexSpec) {
    this.str = collationOf(spec.collation);
    const raw = Object.entries(spec.key);
    this.usable = raw.every(([, d]) => typeof d === "number");
    this.fields = raw.map(([f, d]) => [f, Number(d) < 0 ? -1 : 1]);
    this.partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, MINGO_OPTIONS)
      : undefined;
    this.list = new SortedList<Entry>(
      (a, b) => this.cmpKeys(a.key, b.key, this.fields.length) || cmpStr(a.rid, b.rid),
    );
  }

  get name(): string {
    return this.spec.name;
  }

  /** Whether writes must not add a duplicate key (prepareUnique too: existing duplicates may stay). */
  get unique(): boolean {
    return (this.spec.unique === true || this.spec.prepareUnique === true) && this.usable;
  }

  get size(): number {
    return this.list.size;
  }

  /**
   * Usable for query planning: every document has entries, so a scan over it is complete. A
   * collated index is not: its order is not the binary order the planner's bounds assume.
   */
  get complete(): boolean {
    return this.usable && !this.spec.sparse && !this.partial && !this.str;
  }

  private cmpKeys(a: unknown[], b: unknown[], n: number): number {
    for (let i = 0; i < n; i++) {
      const c = compareValues(a[i], b[i], this.str) * (this.fields[i] as [string, number])[1];
      if (c !== 0) return c;
    }
    return 0;
  }

  /** Index keys for a document, or null if the document is not indexed (sparse/partial). */
  keysFor(doc: Document): unknown[][] | null {
    if (!this.usable) return null;
    if (this.partial && !this.partial.test(doc)) return null;
    if (this.spec.sparse && this.fields.every(([f]) => isMissing(doc, f))) return null;
    let keys: unknown[][] = [[]];
    for (const [f] of this.fields) {
      const vals = pathValues(doc, f).map((v) => (v === undefined ? null : v));
      const uniq = vals.length > 1 ? dedupe(vals) : vals;
      if (uniq.length > 1) this.multikey = true;
      keys =
        uniq.length === 1
          ? keys.map((k) => [...k, uniq[0]])
          : keys.flatMap((k) => uniq.map((v) => [...k, v]));
    }
    return keys;
  }

  add(rid: string, keys: unknown[][]): void {
    for (const key of keys) this.list.insert({ key, rid });
  }

  remove(rid: string, keys: unknown[][]): void {
    for (const key of keys) this.list.remove({ key, rid });
  }

  /** First key of `keys` already held by another record, for unique enforcement. */
  findConflict(keys: unknown[][], rid: string): unknown[] | null {
    const n = this.fields.length;
    for (const key of keys) {
      for (const e of this.list.from((x) => this.cmpKeys(x.key, key, n) >= 0)) {
        if (this.cmpKeys(e.key, key, n) !== 0) break;
        if (e.rid !== rid) return key;
      }
    }
    return null;
  }

  /** Record ids within the bounds, in index order (may repeat for multikey entries). */
  *scan(b: Bounds): Generator<string> {
    const p = b.eq.length;
    const r = b.range;
    const dir = r ? (this.fields[p] as [string, number])[1] : 1;
    const start = (e: Entry): boolean => {
      const c = this.cmpKeys(e.key, b.eq, p);
      if (c !== 0) return c > 0;
      if (!r) return true;
      return dir > 0 ? !belowLow(e.key[p], r) : !aboveHigh(e.key[p], r);
    };
    for (const e of this.list.from(start)) {
      if (this.cmpKeys(e.key, b.eq, p) !== 0) return;
      if (r) {
        const v = e.key[p];
        if (dir > 0 ? aboveHigh(v, r) : belowLow(v, r)) return;
      }
      yield e.rid;
    }
  }

  /** All record ids in index order (reverse for a descending walk). */
  *walk(reverse: boolean): Generator<string> {
    for (const e of this.list.all(reverse)) yield e.rid;
  }

  clear(): void {
    this.list.clear();
    this.multikey = false;
  }
}

function belowLow(v: unknown, r: FieldRange): boolean {
  const t = typeRank(v);
  if (t !== r.rank) return t < r.rank;
  if (r.lo === undefined) return false;
  const c = compareValues(v, r.lo);
  return r.loInc ? c < 0 : c <= 0;
}

function aboveHigh(v: unknown, r: FieldRange): boolean {
  const t = typeRank(v);
  if (t !== r.rank) return t > r.rank;
  if (r.hi === undefined) return false;
  const c = compareValues(v, r.hi);
  return r.hiInc ? c > 0 : c >= 0;
}

function dedupe(vals: unknown[]): unknown[] {
  const seen = new Set<string>();
  return vals.filter((v) => {
    const k = canonicalKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
