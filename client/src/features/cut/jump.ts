import { type FrameRate, frameRateInfo, framesToTimecode, timecodeToFrames } from "../../lib/timecode";

export interface JumpContext {
  /** The playhead now (0 = the media's first frame). */
  readonly current: number;
  readonly rate: FrameRate;
  /** The label of frame 0. */
  readonly start: string | null;
  /** Frames in the media, when known. */
  readonly duration: number | null;
}

export type Jump = { readonly frame: number } | { readonly error: string };

const RELATIVE = /^([+-])\s*(\d+(?:\.\d+)?)\s*(f|s|m)?$/i;
const FRAME_NUMBER = /^(?:f|#)?\s*(\d+)$/i;
const TIMECODE = /^\d{1,2}(?:[:;.]\d{1,2}){1,3}$/;

/**
 * What the transport's "Go to" box and `G` accept:
 * - a timecode, `01:00:42;10` (`:` `;` or `.` between fields); fewer than four fields, as in `42;10`,
 *   keep the playhead's leading fields, like an NLE's timecode entry;
 * - an offset from the playhead: `+2s`, `-1.5s`, `+12f` or `+12` (frames), `+1m`;
 * - a frame number, `f120`, `#120` or `120` (0 = the first frame, as the readout's `f` count).
 * Out of the media is an error that says where it ends.
 */
export function parseJump(text: string, ctx: JumpContext): Jump {
  const input = text.trim();
  if (!input) return { error: "Type a timecode, +2s or a frame number." };
  const fps = frameRateInfo(ctx.rate).numerator / frameRateInfo(ctx.rate).denominator;
  const rel = RELATIVE.exec(input);
  if (rel) {
    const amount = Number(rel[2]);
    const unit = (rel[3] ?? "f").toLowerCase();
    const frames = unit === "f" ? amount : Math.round(amount * fps * (unit === "m" ? 60 : 1));
    if (!Number.isInteger(frames)) return { error: "Frames are whole numbers." };
    return inRange(ctx.current + (rel[1] === "-" ? -frames : frames), ctx);
  }
  const num = FRAME_NUMBER.exec(input);
  if (num) return inRange(Number(num[1]), ctx);
  if (TIMECODE.test(input)) return fromTimecode(input, ctx);
  return { error: `"${input}" is not a timecode (01:00:42;10), an offset (+2s) or a frame (f120).` };
}

function fromTimecode(input: string, ctx: JumpContext): Jump {
  const typed = input.split(/[:;.]/).map((f) => f.padStart(2, "0"));
  const here = framesToTimecode(Math.max(0, ctx.current), ctx.rate, ctx.start).split(/[:;]/);
  const fields = [...here.slice(0, 4 - typed.length), ...typed];
  const sep = frameRateInfo(ctx.rate).dropFrame ? ";" : ":";
  const label = `${fields.slice(0, 3).join(":")}${sep}${fields[3]}`;
  let absolute: number;
  try {
    absolute = timecodeToFrames(label, ctx.rate);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const origin = ctx.start ? timecodeToFrames(ctx.start, ctx.rate) : 0;
  return inRange(absolute - origin, ctx);
}

function inRange(frame: number, ctx: JumpContext): Jump {
  const last = ctx.duration ? ctx.duration - 1 : null;
  if (frame < 0)
    return { error: `That is before the first frame (${framesToTimecode(0, ctx.rate, ctx.start)}).` };
  if (last !== null && frame > last)
    return { error: `That is past the last frame (${framesToTimecode(last, ctx.rate, ctx.start)}).` };
  return { frame };
}
