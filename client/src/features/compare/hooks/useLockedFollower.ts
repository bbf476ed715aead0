import { useEffect, useState } from "react";
import { type FrameRate, frameSeekSeconds, secondsToFrames } from "../../../lib/timecode";

/**
 * Keeps the second picture on the first's record frame: at rest it is seeked to exactly `target`
 * (inside the frame, never on its boundary); while the first plays it plays along and is pulled
 * back when it drifts more than two frames. `target` outside its media pauses it on its nearest end.
 */
export function useLockedFollower(
  video: HTMLVideoElement | null,
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
    if (!video || loaded < 0) return;
    const now = Number.isFinite(video.currentTime) ? secondsToFrames(video.currentTime, rate) : -1;
    if (speed === 0 || target < 0 || target > last) {
      if (!video.paused) video.pause();
      if (now !== frame || video.readyState < 2) video.currentTime = frameSeekSeconds(frame, rate);
      return;
    }
    video.playbackRate = Math.abs(speed);
    if (video.paused) void video.play().catch(() => undefined);
    if (Math.abs(now - frame) > 2) video.currentTime = frameSeekSeconds(frame, rate);
  }, [video, rate, frame, target, last, speed, loaded]);
}
