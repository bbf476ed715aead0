import { useEffect, useState } from "react";
import { type FrameRate, secondsToFrames } from "../../../lib/timecode";
import type { FrameClock } from "../../cut/frameClock";

/** What the follower drives: the second picture's element, as far as it reads and plays it. */
export interface FollowerMedia extends EventTarget {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly readyState: number;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
}

/**
 * Keeps the second picture on the first's record frame: at rest it is seeked to exactly `target`
 * (inside the frame, never on its boundary); while the first plays it plays along and is pulled
 * back when it drifts more than two frames. `target` outside its media pauses it on its nearest end.
 *
 * Every seek goes through the second picture's own clock, so its readout and settle flag follow the
 * seek (a seek the clock did not make is confirmed only by a picture presented after it) and its
 * pause snap cannot undo the seek the follower made.
 */
export function useLockedFollower(
  video: FollowerMedia | null,
  clock: FrameClock | null,
  rate: FrameRate,
  target: number,
  durationFrames: number | null,
  speed: number,
) {
  const last = durationFrames ? durationFrames - 1 : Number.MAX_SAFE_INTEGER;
  const frame = Math.min(Math.max(0, target), last);
  // A seek before the media's metadata is only a start position some loads drop: seek again once loaded.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    if (!video) return;
    const onLoad = () => setLoaded((n) => n + 1);
    video.addEventListener("loadeddata", onLoad);
    return () => video.removeEventListener("loadeddata", onLoad);
  }, [video]);
  useEffect(() => {
    if (!video || !clock || loaded < 0) return;
    const now = Number.isFinite(video.currentTime) ? secondsToFrames(video.currentTime, rate) : -1;
    if (speed === 0 || target < 0 || target > last) {
      const wasPlaying = !video.paused;
      if (wasPlaying) video.pause();
      // After a pause the element is still moving: rest it on the frame, as the clock's own pause does.
      if (wasPlaying || now !== frame || video.readyState < 2) clock.seek(frame);
      return;
    }
    video.playbackRate = Math.abs(speed);
    if (video.paused) void video.play().catch(() => undefined);
    if (Math.abs(now - frame) > 2) clock.seek(frame);
  }, [video, clock, rate, frame, target, last, speed, loaded]);
}
