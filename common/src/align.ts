import { type FrameRate, frameRateInfo, timecodeToFrames } from "./timecode.js";

/** A version's clock: its rate and the label of its first frame. */
export interface Timing {
  readonly rate: FrameRate;
  readonly startTimecode: string;
}

/**
 * Seconds of timecode at a label (drop-frame aware): drop-frame labels track the wall clock, so a DF
 * count is divided by the true rate; non-drop labels count whole seconds of nominal frames (23.976
 * is counted as 24, domain.md), so they are divided by the nominal rate.
 */
function timecodeSeconds(absoluteFrames: number, rate: FrameRate): number {
  const r = frameRateInfo(rate);
  return r.dropFrame ? (absoluteFrames * r.denominator) / r.numerator : absoluteFrames / r.nominalFps;
}

function framesAtSeconds(seconds: number, rate: FrameRate): number {
  const r = frameRateInfo(rate);
  return Math.round(r.dropFrame ? (seconds * r.numerator) / r.denominator : seconds * r.nominalFps);
}

/** Whether two versions share a clock (same rate and start): then frame n is frame n on both. */
export function sameClock(a: Timing, b: Timing): boolean {
  return (
    a.rate === b.rate &&
    timecodeToFrames(a.startTimecode, a.rate) === timecodeToFrames(b.startTimecode, b.rate)
  );
}

/**
 * The frame of `b` at the record timecode of `a`'s frame `frameA` (compare is locked to timecode):
 * with one rate an exact offset of the starts, across rates the nearest frame of the same timecode
 * second. May be negative or past `b`'s end (nothing of `b` at that timecode).
 */
export function alignedFrame(frameA: number, a: Timing, b: Timing): number {
  const startA = timecodeToFrames(a.startTimecode, a.rate);
  const startB = timecodeToFrames(b.startTimecode, b.rate);
  if (a.rate === b.rate) return frameA + startA - startB;
  return framesAtSeconds(timecodeSeconds(startA + frameA, a.rate), b.rate) - startB;
}
