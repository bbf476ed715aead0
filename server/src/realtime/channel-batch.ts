import type { Viewer } from "../core/context.js";
import type { GroupSpec } from "./ports.js";
import type { FrameSink } from "./sinks.js";

/** Events written to subscribers in one go at most (bounds the memory a backlog holds). */
export const MAX_BATCH = 32;

/** Subscribers sharing one execution per event (see ports.ts GroupSpec). */
export class Group {
  readonly sinks = new Set<FrameSink>();
  /** The channel's membership version this group was last re-authorised against. */
  authVersion = -1;
  constructor(readonly spec: GroupSpec) {}

  /** Any current subscriber: they all hold the same role, so any one may execute for all. */
  viewer(): Viewer | null {
    for (const s of this.sinks) return s.viewer;
    return null;
  }
}

/** The payloads of a run of events, per group, written when the run is executed. */
export class Batch {
  /** Events in the batch (including those no group wanted). */
  size = 0;
  private readonly frames = new Map<Group, { seqs: number[]; payloads: Buffer[] }>();

  add(g: Group, seq: number, payload: Buffer): void {
    let f = this.frames.get(g);
    if (!f) {
      f = { seqs: [], payloads: [] };
      this.frames.set(g, f);
    }
    f.seqs.push(seq);
    f.payloads.push(payload);
  }

  /** Each subscriber gets, in seq order, the events past its `lastSeq` (the seam's guard). */
  write(): void {
    for (const [g, { seqs, payloads }] of this.frames) {
      const last = seqs[seqs.length - 1] as number;
      for (const s of g.sinks) {
        if (s.lastSeq >= last) continue;
        if (s.lastSeq < (seqs[0] as number)) s.sendAll(payloads);
        else s.sendAll(payloads.filter((_, i) => (seqs[i] as number) > s.lastSeq));
        s.lastSeq = last;
      }
    }
  }
}
