/**
 * The client's door to the shared timecode module (`@greenlight/common/timecode`, zero dependencies), so
 * labels on screen are computed by exactly the code the server uses for note anchors and exports.
 * GraphQL hands us the rate as a plain string; `toRate` narrows it to the module's enum.
 */
import {
  DEFAULT_FRAME_RATE,
  FrameRate,
  frameRateInfo,
  frameSeekSeconds,
  framesToSeconds,
  framesToTimecode,
  isDropFrame,
  isFrameRate,
  rateLabel,
  secondsToFrames,
  timecodeToFrames,
} from "@greenlight/common/timecode";

export {
  FrameRate,
  frameRateInfo,
  frameSeekSeconds,
  framesToSeconds,
  framesToTimecode,
  isDropFrame,
  rateLabel,
  secondsToFrames,
  timecodeToFrames,
};

export function toRate(value: string | null | undefined): FrameRate {
  return isFrameRate(value) ? value : DEFAULT_FRAME_RATE;
}

/** Label for a frame, or an em dash while the media is not known (never a wrong label). */
export function labelFor(frame: number | null | undefined, rate: FrameRate, start?: string | null): string {
  if (frame === null || frame === undefined || !Number.isSafeInteger(frame) || frame < 0)
    return "--:--:--:--";
  return framesToTimecode(frame, rate, start);
}

/**
 * The frame a presented picture belongs to, from its presentation timestamp (requestVideoFrameCallback's
 * `mediaTime`). Containers store rounded timestamps (WebM: whole milliseconds), so a frame's stamp can sit
 * just before its exact start; rounding to the nearest frame absorbs any error under half a frame.
 */
export function frameAtPresentation(seconds: number, rate: FrameRate): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 0;
  const r = frameRateInfo(rate);
  return Math.round((seconds * r.numerator) / r.denominator);
}

/** One millisecond: the most a millisecond container timestamp is early (truncated rather than rounded). */
const CONTAINER_ROUNDING_S = 0.001;

/**
 * The frame a playhead time falls in (`currentTime`, where no presented frame is reported): the frame
 * whose start is at or before it, with the container's rounding tolerated.
 */
export function frameAtPlayhead(seconds: number, rate: FrameRate): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 0;
  const r = frameRateInfo(rate);
  return Math.floor(((seconds + CONTAINER_ROUNDING_S) * r.numerator) / r.denominator);
}

/** Media length in whole frames from a (container-rounded) duration in seconds. */
export function framesInDuration(seconds: number, rate: FrameRate): number {
  return frameAtPresentation(seconds, rate);
}

/** Whole seconds worth of frames (nominal), for Shift+arrow jumps. */
export function framesPerSecond(rate: FrameRate): number {
  return frameRateInfo(rate).nominalFps;
}
