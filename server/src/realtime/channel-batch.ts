import type { Viewer } from "../core/context.js";
import type { FeedEvent, GroupSpec, RealtimeObserver } from "./ports.js";
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
  /** The batch's dispatched events, in order. */
  readonly events: FeedEvent[] = [];
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

  /**
   * Each subscriber gets, in seq order, the events past its `lastSeq` (the seam's guard). With an
   * observer, every event is then reported once with the frames written for it.
   */
  write(observer?: RealtimeObserver): void {
    const counts = observer?.delivered ? new Map<number, number>() : null;
    for (const [g, { seqs, payloads }] of this.frames) {
      const last = seqs[seqs.length - 1] as number;
      // starts[i]: subscribers whose frames began at the batch's i-th event (all later ones follow).
      const starts = counts ? new Array<number>(seqs.length).fill(0) : null;
      for (const s of g.sinks) {
        if (s.lastSeq >= last) continue;
        const from = s.lastSeq < (seqs[0] as number) ? 0 : seqs.findIndex((seq) => seq > s.lastSeq);
        s.sendAll(from === 0 ? payloads : payloads.slice(from));
        s.lastSeq = last;
        if (starts) starts[from] = (starts[from] as number) + 1;
      }
      if (!counts || !starts) continue;
      let running = 0;
      for (let i = 0; i < seqs.length; i++) {
        running += starts[i] as number;
        const seq = seqs[i] as number;
        counts.set(seq, (counts.get(seq) ?? 0) + running);
      }
    }
    if (counts) for (const e of this.events) observer?.delivered?.(e, counts.get(e.seq) ?? 0);
  }
}
