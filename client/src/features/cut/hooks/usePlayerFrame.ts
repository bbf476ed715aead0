import { useEffect, useState } from "react";
import { type FrameRate, secondsToFrames } from "../../../lib/timecode";

/** The subset of HTMLVideoElement the clock reads; lets tests drive it with a fake element. */
export interface FrameSource extends EventTarget {
  currentTime: number;
  paused: boolean;
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
}

export function frameAt(seconds: number, rate: FrameRate): number {
  return Number.isFinite(seconds) && seconds >= 0 ? secondsToFrames(seconds, rate) : 0;
}

/**
 * The integer frame on screen. With `requestVideoFrameCallback` it reads each presented frame's
 * `mediaTime` (exact, no polling); otherwise it samples `currentTime` per animation frame while playing
 * and on every seek/pause.
 */
export function usePlayerFrame(media: FrameSource | null, rate: FrameRate): number {
  const [frame, setFrame] = useState(0);

  useEffect(() => {
    if (!media) return;
    let stopped = false;
    const sync = () => setFrame(frameAt(media.currentTime, rate));
    const events = ["seeked", "pause", "loadedmetadata", "timeupdate", "play"] as const;
    for (const e of events) media.addEventListener(e, sync);
    sync();

    let handle = 0;
    if (media.requestVideoFrameCallback) {
      const onFrame = (_now: number, meta: { mediaTime: number }) => {
        if (stopped) return;
        setFrame(frameAt(meta.mediaTime, rate));
        handle = media.requestVideoFrameCallback?.(onFrame) ?? 0;
      };
      handle = media.requestVideoFrameCallback(onFrame);
    } else {
      const tick = () => {
        if (stopped) return;
        if (!media.paused) sync();
        handle = requestAnimationFrame(tick);
      };
      handle = requestAnimationFrame(tick);
    }
    return () => {
      stopped = true;
      for (const e of events) media.removeEventListener(e, sync);
      if (media.cancelVideoFrameCallback) media.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
    };
  }, [media, rate]);

  return frame;
}
