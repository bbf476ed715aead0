import { type FrameRate, framesToTimecode } from "@greenlight/common/timecode";
import { CarryOutcome } from "../notes/note-carry.enums.js";
import { convertFrames } from "./conform.rates.js";
import type { EditEvent } from "./edit.timeline.js";

/**
 * The cut conform (issue #16 part 2, docs/conform.md): a note's record frames in v(n) go through
 * v(n)'s edit to source clip and source frames, then through v(n+1)'s edit back to record frames.
 * Intervals are half-open [in, out) in frames from 00:00:00:00, as the edit readers give them.
 */
export interface ConformEdit {
  events: readonly EditEvent[];
  rate: FrameRate;
}

export interface ConformResult {
  outcome: CarryOutcome;
  /** Absolute record frames in the next edit's counting; [in, out), out > in. */
  recordIn: number;
  recordOut: number;
  detail: string;
}

interface Shot {
  event: EditEvent;
  /** Source frames per record frame (1 without a speed effect; 0 for a freeze). */
  k: number;
}

/** The picture events (track V) that take time; an edit without picture uses all of its events. */
function shotsOf(edit: ConformEdit, fpsOfRate: number): Shot[] {
  const timed = edit.events.filter((e) => e.recordOut > e.recordIn);
  const picture = timed.filter((e) => e.tracks.includes("V"));
  return (picture.length ? picture : timed).map((event) => ({
    event,
    k: event.speed ? (event.speed.freeze ? 0 : event.speed.fps / fpsOfRate) : 1,
  }));
}

/** Same source: the reel, the clip name or the file agree (EDLs name reels, OTIO names clips). */
function sameSource(a: EditEvent, b: EditEvent): boolean {
  return (
    (a.reel !== null && a.reel === b.reel) ||
    (a.clipName !== null && a.clipName === b.clipName) ||
    (a.sourceFile !== null && a.sourceFile === b.sourceFile)
  );
}

const shotName = (e: EditEvent) => e.clipName ?? e.reel ?? e.sourceFile ?? `event ${e.number}`;
const srcAt = (s: Shot, record: number) => s.event.sourceIn + Math.floor((record - s.event.recordIn) * s.k);

interface Piece {
  a: number;
  b: number;
  from: Shot;
  to: Shot;
}

/** The next edit's record frames showing source [sa, sb) of `to`'s clip. */
function place(to: Shot, sa: number, sb: number): [number, number] | null {
  const e = to.event;
  const lo = Math.max(sa, e.sourceIn);
  const hi = Math.min(sb, e.sourceOut);
  if (hi <= lo) return null;
  if (to.k === 0) return [e.recordIn, e.recordOut];
  const a = e.recordIn + Math.ceil((lo - e.sourceIn) / to.k);
  const b = Math.min(e.recordOut, e.recordIn + Math.ceil((hi - e.sourceIn) / to.k));
  return b > a ? [a, b] : null;
}

/** Source interval of `s` as the next edit's rate labels it. */
function sourceSpan(
  s: Shot,
  a: number,
  b: number,
  prevRate: FrameRate,
  nextRate: FrameRate,
): [number, number] {
  const sa = srcAt(s, a);
  const sb = s.k === 0 ? sa + 1 : Math.max(sa + 1, srcAt(s, b - 1) + 1);
  return [convertFrames(sa, prevRate, nextRate), convertFrames(sb - 1, prevRate, nextRate) + 1];
}

function merge(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((x, y) => x.a - y.a);
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const last = groups.at(-1);
    const end = last ? Math.max(...last.map((q) => q.b)) : -1;
    if (last && p.a <= end) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** Why a shot moved: its order among the shots both edits share changed, or the cut before it did. */
function reason(prev: Shot[], next: Shot[], from: Shot, to: Shot): string {
  const shared = (list: Shot[], other: Shot[]) =>
    list.filter((s) => other.some((o) => sameSource(s.event, o.event)));
  const rankPrev = shared(prev, next).indexOf(from);
  const rankNext = shared(next, prev).indexOf(to);
  return rankPrev !== rankNext ? "shot reordered" : "the shot or the cut before it changed length";
}

export interface ConformSides {
  prev: ConformEdit;
  next: ConformEdit;
  fps: { prev: number; next: number };
}

/** Maps record frames [recordIn, recordOut) of the previous edit onto the next one. */
export function conformRange(sides: ConformSides, recordIn: number, recordOut: number): ConformResult | null {
  const { prev, next } = sides;
  const prevShots = shotsOf(prev, sides.fps.prev);
  const nextShots = shotsOf(next, sides.fps.next);
  const label = (f: number) => framesToTimecode(Math.abs(f), next.rate);
  const pieces: Piece[] = [];
  const sameShot: { from: Shot; to: Shot; span: [number, number] }[] = [];
  const touched: Shot[] = [];
  for (const from of prevShots) {
    const a = Math.max(recordIn, from.event.recordIn);
    const b = Math.min(recordOut, from.event.recordOut);
    if (b <= a) continue;
    touched.push(from);
    const span = sourceSpan(from, a, b, prev.rate, next.rate);
    const whole = sourceSpan(from, from.event.recordIn, from.event.recordOut, prev.rate, next.rate);
    for (const to of nextShots) {
      if (!sameSource(from.event, to.event)) continue;
      if (Math.min(whole[1], to.event.sourceOut) <= Math.max(whole[0], to.event.sourceIn)) continue;
      sameShot.push({ from, to, span });
      const placed = place(to, span[0], span[1]);
      if (placed) pieces.push({ a: placed[0], b: placed[1], from, to });
    }
  }
  if (touched.length === 0) return null;
  // Positions before the recut, in the next edit's counting (the rates may differ).
  const wasIn = convertFrames(recordIn, prev.rate, next.rate);
  const before = convertFrames(recordOut - 1, prev.rate, next.rate) + 1 - wasIn;
  if (pieces.length > 0) {
    const groups = merge(pieces);
    const spans = groups.map((g) => ({
      a: g[0]?.a ?? 0,
      b: Math.max(...g.map((p) => p.b)),
      first: g[0] as Piece,
    }));
    // A split range keeps its longest piece as the anchor; the detail lists every piece.
    const main = spans.reduce((x, y) => (y.b - y.a > x.b - x.a ? y : x));
    const delta = main.a - wasIn;
    const survived = spans.reduce((n, s) => n + s.b - s.a, 0);
    const moved = `${delta >= 0 ? "+" : "-"}${label(delta)}`;
    if (spans.length > 1) {
      const list = spans.map((s) => `${label(s.a)}-${label(s.b - 1)}`).join(", ");
      return {
        outcome: CarryOutcome.RANGE_SPLIT,
        recordIn: main.a,
        recordOut: main.b,
        detail: `range split in ${spans.length}: ${list}; anchored to the longest`,
      };
    }
    if (survived < before) {
      return {
        outcome: CarryOutcome.TRIMMED,
        recordIn: main.a,
        recordOut: main.b,
        detail: `trimmed: ${survived} of ${before} frames remain, moved ${moved}`,
      };
    }
    if (delta === 0)
      return {
        outcome: CarryOutcome.UNCHANGED,
        recordIn: main.a,
        recordOut: main.b,
        detail: "same place in the new edit",
      };
    const why = reason(prevShots, nextShots, main.first.from, main.first.to);
    return {
      outcome: CarryOutcome.MOVED,
      recordIn: main.a,
      recordOut: main.b,
      detail: `moved ${moved} (${why})`,
    };
  }
  if (sameShot.length > 0) {
    // Every noted frame was trimmed away: the nearest surviving frame of the same shot.
    let best: { record: number; distance: number } | null = null;
    for (const { to, span } of sameShot) {
      const e = to.event;
      const src = e.sourceOut <= span[0] ? e.sourceOut - 1 : e.sourceIn;
      const distance = e.sourceOut <= span[0] ? span[0] - src : src - (span[1] - 1);
      const record =
        to.k === 0
          ? e.recordIn
          : Math.min(e.recordOut - 1, e.recordIn + Math.floor((src - e.sourceIn) / to.k));
      if (!best || distance < best.distance) best = { record, distance };
    }
    if (best) {
      const d = best.record - wasIn;
      return {
        outcome: CarryOutcome.TRIMMED,
        recordIn: best.record,
        recordOut: best.record + 1,
        detail: `trimmed: the frames were cut from ${shotName((touched[0] as Shot).event)}; at its nearest surviving frame (${d >= 0 ? "+" : "-"}${label(d)})`,
      };
    }
  }
  const names = [...new Set(touched.map((s) => shotName(s.event)))].join(", ");
  return {
    outcome: CarryOutcome.SHOT_REMOVED,
    recordIn,
    recordOut,
    detail: `shot removed (${names}); kept its timecode`,
  };
}
