import {
  FrameRate,
  TimecodeError,
  framesPerDay,
  framesToTimecode,
  timecodeToFrames,
} from "@greenlight/common/timecode";

/**
 * Timecode that runs on past 24:00:00:00 instead of wrapping (docs/exports.md "Midnight"). An EDL
 * whose record times wrap has a record out before its record in; NLEs and OTIO then build
 * negative or overlapping events. Continuing the hours (23:59:59:00 -> 24:00:03:00) keeps every
 * position the same frame distance from the timeline's start label. Labels stay two-digit hours.
 */
export const MAX_CONTINUOUS_HOURS = 99;

/** The label of frame `frames` counted from `startTimecode`, hours 24-99 past midnight. */
export function framesToContinuousTimecode(frames: number, rate: FrameRate, startTimecode: string): string {
  const start = timecodeToFrames(startTimecode, rate);
  const day = framesPerDay(rate);
  const index = frames + start;
  if (!Number.isSafeInteger(index) || index < 0)
    throw new TimecodeError(`Frame ${frames} is before 00:00:00:00`);
  const days = Math.floor(index / day);
  const label = framesToTimecode(index % day, rate);
  const hours = Number(label.slice(0, 2)) + 24 * days;
  if (hours > MAX_CONTINUOUS_HOURS)
    throw new TimecodeError(`Frame ${frames} is past ${MAX_CONTINUOUS_HOURS} hours`);
  return `${String(hours).padStart(2, "0")}${label.slice(2)}`;
}

/** Frames from 00:00:00:00 of a label whose hours may be 24-99 (the day it continues into). */
export function continuousTimecodeToFrames(label: string, rate: FrameRate): number {
  const m = /^(\d{2})(:\d{2}:\d{2}[:;]\d{2})$/.exec(label);
  if (!m) return timecodeToFrames(label, rate);
  const hours = Number(m[1]);
  const days = Math.floor(hours / 24);
  return timecodeToFrames(`${String(hours % 24).padStart(2, "0")}${m[2]}`, rate) + days * framesPerDay(rate);
}
