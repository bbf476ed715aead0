import type { Document } from "bson";
import type { Collection } from "../engine/collection.js";

/** A document as it was before the change numbered `clock` (undefined: it did not exist). */
interface Version {
  clock: number;
  prev: Document | undefined;
}

/** A cluster time ({t, i} of a BSON Timestamp). */
export interface ClusterTime {
  t: number;
  i: number;
}

const cmpTime = (a: ClusterTime, b: ClusterTime): number => a.t - b.t || a.i - b.i;

/** The state at cluster time `ts` is the one after change `clock`. */
interface TimeMark extends ClusterTime {
  clock: number;
}

/**
 * Old versions of documents, kept only while a transaction's snapshot may need them. Every change
 * to a stored document bumps `clock`; a snapshot is the clock value when it was taken. A
 * document's version at snapshot S is the `prev` of its first change after S, or the current
 * document when it has not changed since. Plain reads and writes never look here, so they pay
 * one counter increment per change, and nothing else while no transaction is open.
 */
export class VersionStore {
  private clock = 0;
  private readonly chains = new Map<Collection, Map<string, Version[]>>();
  /** Open snapshots: clock value → how many transactions hold it. */
  private readonly open = new Map<number, number>();
  /** The oldest clock whose versions are all kept (Infinity: none kept, only the present). */
  private historyFrom = Number.POSITIVE_INFINITY;
  /** Cluster time → clock, recorded while history is kept (for snapshot reads at a time). */
  private readonly marks: TimeMark[] = [];

  /** `lastCommitted`: the cluster time of the latest commit ({0, 0} before the first). */
  constructor(private readonly lastCommitted: () => ClusterTime = () => ({ t: 0, i: 0 })) {}

  /** Pass to Engine.setChangeObserver. */
  readonly observe = (coll: Collection, rid: string, prev: Document | undefined): void => {
    if (this.open.size === 0) {
      this.clock++;
      return;
    }
    // Writes apply then commit synchronously, so every change so far belongs to a commit at or
    // before the latest cluster time: that time's state is the clock before this change.
    this.mark();
    this.clock++;
    let byRid = this.chains.get(coll);
    if (!byRid) {
      byRid = new Map();
      this.chains.set(coll, byRid);
    }
    const chain = byRid.get(rid);
    if (chain) chain.push({ clock: this.clock, prev });
    else byRid.set(rid, [{ clock: this.clock, prev }]);
  };

  private mark(): void {
    const ts = this.lastCommitted();
    const last = this.marks[this.marks.length - 1];
    if (!last || cmpTime(last, ts) !== 0) this.marks.push({ t: ts.t, i: ts.i, clock: this.clock });
  }

  /** Take a snapshot now; give it back with release(). */
  snapshot(): number {
    return this.snapshotAt(this.clock);
  }

  /** Hold snapshot `at` (the present, or a clock clockAt answered); give it back with release(). */
  snapshotAt(at: number): number {
    if (at !== this.clock && at < this.historyFrom) throw new Error(`no history for clock ${at}`);
    if (this.open.size === 0) {
      this.historyFrom = this.clock;
      this.mark();
    }
    this.open.set(at, (this.open.get(at) ?? 0) + 1);
    return at;
  }

  /**
   * The clock of the state at cluster time `ts`, or undefined when the versions it needs are
   * no longer (or were never) kept. A time at or after the latest commit is the present.
   */
  clockAt(ts: ClusterTime): number | undefined {
    if (cmpTime(ts, this.lastCommitted()) >= 0) return this.clock;
    let lo = 0;
    let hi = this.marks.length - 1;
    let found: TimeMark | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.marks[mid] as TimeMark;
      if (cmpTime(m, ts) <= 0) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.clock >= this.historyFrom ? found.clock : undefined;
  }

  release(at: number): void {
    const n = this.open.get(at) ?? 0;
    if (n > 1) {
      this.open.set(at, n - 1);
      return;
    }
    this.open.delete(at);
    if (this.open.size === 0) {
      this.chains.clear();
      this.marks.length = 0;
      this.historyFrom = Number.POSITIVE_INFINITY;
      return;
    }
    const oldest = Math.min(...this.open.keys());
    if (oldest > at) this.forgetUpTo(oldest);
  }

  /** Drop versions no open snapshot can see (changes at or before the oldest one). */
  private forgetUpTo(oldest: number): void {
    this.historyFrom = oldest;
    const keep = this.marks.findIndex((m) => m.clock >= oldest);
    this.marks.splice(0, keep === -1 ? this.marks.length : keep);
    for (const [coll, byRid] of this.chains) {
      for (const [rid, chain] of byRid) {
        const keep = chain.findIndex((v) => v.clock > oldest);
        if (keep === -1) byRid.delete(rid);
        else if (keep > 0) chain.splice(0, keep);
      }
      if (byRid.size === 0) this.chains.delete(coll);
    }
  }

  /** The document under `rid` as of snapshot `at`. */
  valueAt(coll: Collection, rid: string, at: number): Document | undefined {
    const chain = this.chains.get(coll)?.get(rid);
    if (chain) {
      for (const v of chain) if (v.clock > at) return v.prev;
    }
    return coll.get(rid);
  }

  /** Whether the document under `rid` changed after snapshot `at` (a write-write conflict). */
  changedSince(coll: Collection, rid: string, at: number): boolean {
    const chain = this.chains.get(coll)?.get(rid);
    return chain !== undefined && (chain[chain.length - 1]?.clock ?? 0) > at;
  }

  /** Records of `coll` changed after snapshot `at`. */
  changedAfter(coll: Collection, at: number): string[] {
    const out: string[] = [];
    for (const [rid, chain] of this.chains.get(coll) ?? []) {
      if ((chain[chain.length - 1]?.clock ?? 0) > at) out.push(rid);
    }
    return out;
  }
}
