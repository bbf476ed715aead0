/**
 * SMPTE timecode arithmetic for Greenlight. Zero dependencies: the web client
 * imports this module as `@greenlight/server/timecode`, so it must stay free
 * of Node, mongoose and GraphQL imports.
 *
 * Positions are always integer frames (0 = first frame of the media); labels
 * are derived from frames, a version's start timecode and its frame rate.
 * Rates are rationals so that frame <-> seconds conversions never accumulate
 * float drift: each conversion is a single multiplication and division.
 */

/** Values match the GraphQL enum `FrameRate` of the contract. */
export enum FrameRate {
  FPS_23_976 = "FPS_23_976",
  FPS_24 = "FPS_24",
  FPS_25 = "FPS_25",
  FPS_29_97_DF = "FPS_29_97_DF",
  FPS_29_97_NDF = "FPS_29_97_NDF",
  FPS_30 = "FPS_30",
  FPS_48 = "FPS_48",
  FPS_50 = "FPS_50",
  FPS_59_94_DF = "FPS_59_94_DF",
  FPS_59_94_NDF = "FPS_59_94_NDF",
  FPS_60 = "FPS_60",
}

export interface FrameRateInfo {
  readonly rate: FrameRate;
  /** Frames per second as numerator / denominator (24000/1001 for 23.976). */
  readonly numerator: number;
  readonly denominator: number;
  /** The integer frame count a timecode second holds (24 for 23.976, 30 for 29.97). */
  readonly nominalFps: number;
  /** Drop-frame labelling (29.97 and 59.94 DF only). */
  readonly dropFrame: boolean;
  /** Labels skipped at the start of every non-tenth minute (0 for non-drop). */
  readonly droppedPerMinute: number;
}

function info(
  rate: FrameRate,
  numerator: number,
  denominator: number,
  nominalFps: number,
  dropFrame = false,
) {
  const droppedPerMinute = dropFrame ? nominalFps / 15 : 0; // 2 at 30, 4 at 60
  return Object.freeze({ rate, numerator, denominator, nominalFps, dropFrame, droppedPerMinute });
}

const RATES: Readonly<Record<FrameRate, FrameRateInfo>> = Object.freeze({
  [FrameRate.FPS_23_976]: info(FrameRate.FPS_23_976, 24000, 1001, 24),
  [FrameRate.FPS_24]: info(FrameRate.FPS_24, 24, 1, 24),
  [FrameRate.FPS_25]: info(FrameRate.FPS_25, 25, 1, 25),
  [FrameRate.FPS_29_97_DF]: info(FrameRate.FPS_29_97_DF, 30000, 1001, 30, true),
  [FrameRate.FPS_29_97_NDF]: info(FrameRate.FPS_29_97_NDF, 30000, 1001, 30),
  [FrameRate.FPS_30]: info(FrameRate.FPS_30, 30, 1, 30),
  [FrameRate.FPS_48]: info(FrameRate.FPS_48, 48, 1, 48),
  [FrameRate.FPS_50]: info(FrameRate.FPS_50, 50, 1, 50),
  [FrameRate.FPS_59_94_DF]: info(FrameRate.FPS_59_94_DF, 60000, 1001, 60, true),
  [FrameRate.FPS_59_94_NDF]: info(FrameRate.FPS_59_94_NDF, 60000, 1001, 60),
  [FrameRate.FPS_60]: info(FrameRate.FPS_60, 60, 1, 60),
});

export const ALL_FRAME_RATES: readonly FrameRate[] = Object.freeze(Object.values(FrameRate));
export const DEFAULT_FRAME_RATE = FrameRate.FPS_24;
export const DEFAULT_START_TIMECODE = "00:00:00:00";

export function frameRateInfo(rate: FrameRate): FrameRateInfo {
  const found = RATES[rate];
  if (!found) throw new TimecodeError(`Unknown frame rate ${String(rate)}`);
  return found;
}

export function isDropFrame(rate: FrameRate): boolean {
  return frameRateInfo(rate).dropFrame;
}

export function nominalFps(rate: FrameRate): number {
  return frameRateInfo(rate).nominalFps;
}

/** Effective frames per second as a float, for display and players only (29.97002997...). */
export function fps(rate: FrameRate): number {
  const r = frameRateInfo(rate);
  return r.numerator / r.denominator;
}

/** Thrown for any invalid label or argument; the API maps it to BAD_USER_INPUT. */
export class TimecodeError extends Error {
  override readonly name = "TimecodeError";
  readonly code = "INVALID_TIMECODE" as const;
}

function framesPerTenMinutes(r: FrameRateInfo): number {
  return r.nominalFps * 600 - 9 * r.droppedPerMinute;
}

/** Number of frames (labels) in 24 hours of timecode at this rate; labels wrap after it. */
export function framesPerDay(rate: FrameRate): number {
  return framesPerTenMinutes(frameRateInfo(rate)) * 6 * 24;
}

export interface TimecodeFields {
  hours: number;
  minutes: number;
  seconds: number;
  frames: number;
}

const LABEL = /^(\d{2}):(\d{2}):(\d{2})([:;])(\d{2})$/;

/**
 * Parses `HH:MM:SS:FF` or `HH:MM:SS;FF` (either separator is accepted before
 * the frames, whatever the rate) and validates every field against the rate.
 * Drop-frame labels that the counting skips (e.g. `00:01:00;00` at 29.97 DF)
 * are rejected.
 */
export function parseTimecode(label: string, rate: FrameRate): TimecodeFields {
  const r = frameRateInfo(rate);
  if (typeof label !== "string") throw new TimecodeError("Timecode must be a string");
  const m = LABEL.exec(label.trim());
  if (!m) throw new TimecodeError(`Invalid timecode "${label}": expected HH:MM:SS:FF or HH:MM:SS;FF`);
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  const frames = Number(m[5]);
  if (hours > 23) throw new TimecodeError(`Invalid timecode "${label}": hours must be 00-23`);
  if (minutes > 59) throw new TimecodeError(`Invalid timecode "${label}": minutes must be 00-59`);
  if (seconds > 59) throw new TimecodeError(`Invalid timecode "${label}": seconds must be 00-59`);
  if (frames >= r.nominalFps) {
    throw new TimecodeError(
      `Invalid timecode "${label}": frames must be below ${r.nominalFps} at ${rateLabel(rate)}`,
    );
  }
  if (r.dropFrame && seconds === 0 && minutes % 10 !== 0 && frames < r.droppedPerMinute) {
    throw new TimecodeError(
      `Invalid timecode "${label}": drop-frame counting skips frames 00-${pad(r.droppedPerMinute - 1)} at the start of minute ${pad(minutes)}`,
    );
  }
  return { hours, minutes, seconds, frames };
}

/** Frame index of a label counted from 00:00:00:00 (drop-frame aware). */
export function timecodeToFrames(label: string, rate: FrameRate): number {
  const r = frameRateInfo(rate);
  const t = parseTimecode(label, rate);
  const totalMinutes = t.hours * 60 + t.minutes;
  const nominal = (t.hours * 3600 + t.minutes * 60 + t.seconds) * r.nominalFps + t.frames;
  return nominal - r.droppedPerMinute * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** Validates a label and returns it in canonical form (";" before frames for DF, ":" otherwise). */
export function normalizeTimecode(label: string, rate: FrameRate): string {
  return formatFields(parseTimecode(label, rate), frameRateInfo(rate).dropFrame);
}

/**
 * The label of frame `frames` of media whose first frame is labelled
 * `startTimecode` (default 00:00:00:00). Wraps at 24 hours. Drop-frame rates
 * are written with ";" before the frames.
 */
export function framesToTimecode(frames: number, rate: FrameRate, startTimecode?: string | null): string {
  if (!Number.isSafeInteger(frames)) throw new TimecodeError(`Frame index must be an integer, got ${frames}`);
  const r = frameRateInfo(rate);
  const offset = startTimecode ? timecodeToFrames(startTimecode, rate) : 0;
  const day = framesPerDay(rate);
  const index = (((frames + offset) % day) + day) % day;
  return formatFields(fieldsOfIndex(index, r), r.dropFrame);
}

/** Converts a frame index (0 ≤ index < framesPerDay) to label fields. */
function fieldsOfIndex(index: number, r: FrameRateInfo): TimecodeFields {
  let n = index;
  if (r.dropFrame) {
    // Add back the labels skipped so far, then count as non-drop.
    const d = r.droppedPerMinute;
    const perTen = framesPerTenMinutes(r);
    const perMinute = r.nominalFps * 60 - d;
    const tens = Math.floor(n / perTen);
    const rem = n % perTen;
    n += 9 * d * tens;
    if (rem >= d) n += d * Math.floor((rem - d) / perMinute);
  }
  const fpsN = r.nominalFps;
  return {
    frames: n % fpsN,
    seconds: Math.floor(n / fpsN) % 60,
    minutes: Math.floor(n / (fpsN * 60)) % 60,
    hours: Math.floor(n / (fpsN * 3600)),
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatFields(t: TimecodeFields, dropFrame: boolean): string {
  return `${pad(t.hours)}:${pad(t.minutes)}:${pad(t.seconds)}${dropFrame ? ";" : ":"}${pad(t.frames)}`;
}

/** Human label for a rate: "23.976", "29.97 DF", "24". */
export function rateLabel(rate: FrameRate): string {
  const r = frameRateInfo(rate);
  const base =
    r.denominator === 1
      ? String(r.numerator)
      : (r.numerator / r.denominator).toFixed(r.nominalFps === 24 ? 3 : 2);
  if (r.dropFrame) return `${base} DF`;
  return r.denominator === 1 || r.nominalFps === 24 ? base : `${base} NDF`;
}

/** Presentation time of the start of a frame, in seconds (exact rational, one division). */
export function framesToSeconds(frames: number, rate: FrameRate): number {
  const r = frameRateInfo(rate);
  return (frames * r.denominator) / r.numerator;
}

/**
 * Seconds to seek to so a player lands inside frame `frames` rather than on
 * its boundary, where float rounding could show the previous frame.
 */
export function frameSeekSeconds(frames: number, rate: FrameRate): number {
  const r = frameRateInfo(rate);
  return ((frames + 0.5) * r.denominator) / r.numerator;
}

/**
 * The frame shown at a player time. The tiny epsilon absorbs float error in
 * `currentTime` (a time computed by framesToSeconds must map back to its frame).
 */
export function secondsToFrames(seconds: number, rate: FrameRate): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new TimecodeError(`Invalid time ${seconds}s`);
  const r = frameRateInfo(rate);
  return Math.floor((seconds * r.numerator) / r.denominator + 1e-6);
}

export function isFrameRate(value: unknown): value is FrameRate {
  return typeof value === "string" && Object.hasOwn(RATES, value);
}
