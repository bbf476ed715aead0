import type { Document } from "bson";
import type { Collection } from "../engine/collection.js";

/** A document as it was before the change numbered `clock` (undefined: it did not exist). */
interface Version {
  clock: number;
  prev: Document | undefined;
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

  /** Pass to Engine.setChangeObserver. */
  readonly observe = (coll: Collection, rid: string, prev: Document | undefined): void => {
    this.clock++;
    if (this.open.size === 0) return;
    let byRid = this.chains.get(coll);
    if (!byRid) {
      byRid = new Map();
      this.chains.set(coll, byRid);
    }
    const chain = byRid.get(rid);
    if (chain) chain.push({ clock: this.clock, prev });
    else byRid.set(rid, [{ clock: this.clock, prev }]);
  };

  /** Take a snapshot now; give it back with release(). */
  snapshot(): number {
    this.open.set(this.clock, (this.open.get(this.clock) ?? 0) + 1);
    return this.clock;
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
      return;
    }
    const oldest = Math.min(...this.open.keys());
    if (oldest > at) this.forgetUpTo(oldest);
  }

  /** Drop versions no open snapshot can see (changes at or before the oldest one). */
  private forgetUpTo(oldest: number): void {
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
