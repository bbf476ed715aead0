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

/** Whole seconds worth of frames (nominal), for Shift+arrow jumps. */
export function framesPerSecond(rate: FrameRate): number {
  return frameRateInfo(rate).nominalFps;
}
