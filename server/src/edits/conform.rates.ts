import {
  FrameRate,
  frameRateInfo,
  framesPerDay,
  framesToTimecode,
  timecodeToFrames,
} from "@greenlight/common/timecode";

/**
 * A frame count from 00:00:00:00 at `from` as the frame with the same timecode label at `to` (the
 * frames within a second scaled to the new rate, rounded down). Sources keep their labels across a
 * change of project rate, so the conform compares them by label; at the same counting it is the
 * identity. Continues past 24 hours as the edits do.
 */
export function convertFrames(frames: number, from: FrameRate, to: FrameRate): number {
  if (from === to) return frames;
  const f = frameRateInfo(from);
  const t = frameRateInfo(to);
  if (f.nominalFps === t.nominalFps && f.dropFrame === t.dropFrame) return frames;
  const dayFrom = framesPerDay(from);
  const days = Math.floor(frames / dayFrom);
  const label = framesToTimecode(frames - days * dayFrom, from);
  const ff = Number(label.slice(9));
  let scaled = Math.min(t.nominalFps - 1, Math.floor((ff * t.nominalFps) / f.nominalFps));
  const minute = Number(label.slice(3, 5));
  const seconds = Number(label.slice(6, 8));
  // A label drop-frame counting skips (frames 0-1, or 0-3 at 59.94, of most minutes) is the next one.
  if (t.dropFrame && seconds === 0 && minute % 10 !== 0) scaled = Math.max(scaled, t.droppedPerMinute);
  const sep = t.dropFrame ? ";" : ":";
  const target = `${label.slice(0, 8)}${sep}${String(scaled).padStart(2, "0")}`;
  return timecodeToFrames(target, to) + days * framesPerDay(to);
}
