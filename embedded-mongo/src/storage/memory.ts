import type { ChangeOp, CollectionImage, CommittedOp, Persistence } from "./types.js";

/**
 * Hands out commit positions: a strictly increasing seq and a cluster time shaped like a BSON
 * Timestamp (seconds + increment within that second). Exported so the file-backed persistence
 * can share the same ordering rules and resume from a recovered position.
 */
export class CommitClock {
  private seq: bigint;
  private t: number;
  private i: number;

  constructor(last?: { seq: bigint; ts: { t: number; i: number } }) {
    this.seq = last?.seq ?? 0n;
    this.t = last?.ts.t ?? 0;
    this.i = last?.ts.i ?? 0;
  }

  /** One timestamp per batch: all ops of a command share ts but get distinct seqs. */
  stamp(ops: ChangeOp[]): CommittedOp[] {
    const now = Math.floor(Date.now() / 1000);
    // Never go backwards even if the wall clock does.
    if (now > this.t) {
      this.t = now;
      this.i = 1;
    } else {
      this.i += 1;
    }
    const ts = { t: this.t, i: this.i };
    const wall = new Date();
    return ops.map((op) => {
      this.seq += 1n;
      return { seq: this.seq, ts, wall, op };
    });
  }

  /** The latest position handed out (ts {0,0} before the first commit). */
  last(): { seq: bigint; ts: { t: number; i: number } } {
    return { seq: this.seq, ts: { t: this.t, i: this.i } };
  }
}

/** In-memory persistence: nothing survives a restart, durability is immediate. */
export class MemoryPersistence implements Persistence {
  readonly clock = new CommitClock();

  open(_apply: (ops: ChangeOp[]) => void): Promise<void> {
    return Promise.resolve();
  }

  commit(ops: ChangeOp[], _opts: { durable: boolean }): { committed: CommittedOp[]; durable: Promise<void> } {
    return { committed: this.clock.stamp(ops), durable: Promise.resolve() };
  }

  setSnapshotSource(_source: () => Iterable<CollectionImage>): void {
    // Nothing to snapshot in memory.
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
