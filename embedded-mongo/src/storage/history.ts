import { decodeOp } from "./codec.js";
import type { ChangeOp, CommittedOp } from "./types.js";

/**
 * The oplog: a bounded history of committed ops kept for change streams (resume tokens point
 * into it). Ops are stored as their BSON bytes so later in-place changes to engine documents
 * cannot alter history, and so the byte bound is exact. Entries become visible to readers only
 * once published (after the fsync that makes them durable), in seq order.
 */
export interface HistoryEntry {
  seq: bigint;
  ts: { t: number; i: number };
  wall: Date;
  /** Namespace and kind kept unparsed for cheap filtering. */
  db: string;
  coll: string | null;
  kind: ChangeOp["op"];
  bytes: Buffer;
}

export interface HistoryLimits {
  maxOps: number;
  maxBytes: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxOps: 100_000, maxBytes: 64 * 1024 * 1024 };

/** Read side used by change streams. */
export interface OpLogReader {
  /** Highest seq readers may see. */
  visibleSeq(): bigint;
  /** Position of the latest visible op (seq 0, ts {0,0} before any). */
  visiblePosition(): { seq: bigint; ts: { t: number; i: number } };
  /** Highest seq no longer retained (0 if nothing was ever evicted). */
  evictedThrough(): { seq: bigint; ts: { t: number; i: number } };
  /** Visible entries with seq > after, at most `limit`. */
  readAfter(after: bigint, limit: number): HistoryEntry[];
  /** seq just before the first visible op whose ts >= ts (i.e. where a stream starting at ts resumes). */
  seqBeforeTs(ts: { t: number; i: number }): bigint;
  /** Resolves when an op with seq > after becomes visible, or on abort. */
  waitBeyond(after: bigint, signal: AbortSignal): Promise<void>;
  decode(entry: HistoryEntry): ChangeOp;
}

export function compareTs(a: { t: number; i: number }, b: { t: number; i: number }): number {
  return a.t !== b.t ? a.t - b.t : a.i - b.i;
}

export class OpHistory implements OpLogReader {
  private entries: HistoryEntry[] = [];
  /** Index of the first live entry; evicted slots are spliced off in chunks. */
  private head = 0;
  private bytes = 0;
  private visible: bigint;
  private visibleTs: { t: number; i: number };
  private evicted: { seq: bigint; ts: { t: number; i: number } };
  private waiters = new Set<{ after: bigint; wake: () => void }>();

  constructor(
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
    start: { seq: bigint; ts: { t: number; i: number } } = { seq: 0n, ts: { t: 0, i: 0 } },
    evicted: { seq: bigint; ts: { t: number; i: number } } = { seq: 0n, ts: { t: 0, i: 0 } },
  ) {
    this.visible = start.seq;
    this.visibleTs = start.ts;
    this.evicted = evicted;
  }

  /** Record a committed batch (not yet visible). */
  append(committed: CommittedOp[], opBytes: Buffer[]): void {
    committed.forEach((c, k) => {
      const bytes = opBytes[k];
      if (!bytes) throw new Error("history: missing op bytes");
      this.push({
        seq: c.seq,
        ts: c.ts,
        wall: c.wall,
        db: c.op.db,
        coll: "coll" in c.op ? c.op.coll : null,
        kind: c.op.op,
        bytes,
      });
    });
  }

  /** Used by recovery: entries already durable, in order. */
  push(e: HistoryEntry): void {
    this.entries.push(e);
    this.bytes += e.bytes.length;
    this.evict();
  }

  /** Make every entry with seq <= upTo visible and wake waiting readers. */
  publish(upTo: bigint): void {
    if (upTo <= this.visible) return;
    this.visible = upTo;
    const last = this.find(upTo);
    if (last) this.visibleTs = last.ts;
    for (const w of [...this.waiters]) if (upTo > w.after) w.wake();
  }

  /** All retained entries (visible or not), for writing a snapshot. */
  retained(): HistoryEntry[] {
    return this.entries.slice(this.head);
  }

  visibleSeq(): bigint {
    return this.visible;
  }

  visiblePosition(): { seq: bigint; ts: { t: number; i: number } } {
    return { seq: this.visible, ts: this.visibleTs };
  }

  evictedThrough(): { seq: bigint; ts: { t: number; i: number } } {
    return this.evicted;
  }

  readAfter(after: bigint, limit: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    let k = this.indexAfter(after);
    while (k < this.entries.length && out.length < limit) {
      const e = this.entries[k++]!;
      if (e.seq > this.visible) break;
      out.push(e);
    }
    return out;
  }

  seqBeforeTs(ts: { t: number; i: number }): bigint {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareTs(this.entries[mid]!.ts, ts) < 0) lo = mid + 1;
      else hi = mid;
    }
    const e = this.entries[lo];
    if (e && e.seq <= this.visible) return e.seq - 1n;
    return this.visible;
  }

  waitBeyond(after: bigint, signal: AbortSignal): Promise<void> {
    if (this.visible > after || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const w = {
        after,
        wake: () => {
          this.waiters.delete(w);
          signal.removeEventListener("abort", w.wake);
          resolve();
        },
      };
      this.waiters.add(w);
      signal.addEventListener("abort", w.wake, { once: true });
    });
  }

  decode(entry: HistoryEntry): ChangeOp {
    return decodeOp(entry.bytes);
  }

  get size(): { ops: number; bytes: number } {
    return { ops: this.entries.length - this.head, bytes: this.bytes };
  }

  /** First index whose seq > after (binary search; seqs are increasing). */
  private indexAfter(after: bigint): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid]!.seq <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(seq: bigint): HistoryEntry | undefined {
    const k = this.indexAfter(seq - 1n);
    const e = this.entries[k];
    return e && e.seq === seq ? e : undefined;
  }

  private evict(): void {
    while (
      this.entries.length - this.head > this.limits.maxOps ||
      (this.bytes > this.limits.maxBytes && this.entries.length - this.head > 1)
    ) {
      const e = this.entries[this.head++]!;
      this.bytes -= e.bytes.length;
      this.evicted = { seq: e.seq, ts: e.ts };
    }
    // Reclaim the dead prefix now and then rather than shifting on every eviction.
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
