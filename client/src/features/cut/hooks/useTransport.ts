import { useCallback, useEffect, useRef, useState } from "react";
import { useKeydown } from "../../../lib/hotkeys";
import { type FrameRate, frameRateInfo, framesPerSecond } from "../../../lib/timecode";
import type { FrameClock } from "../frameClock";
import { initialShuttle, type ShuttleState, shuttle } from "../transport";

export interface InOut {
  readonly in: number | null;
  readonly out: number | null;
}

/** The playable element: a <video> for cuts, wavesurfer's media element for mixes. */
export type Media = HTMLMediaElement;

/**
 * Transport for a review player: play/pause, frame steps, J/K/L shuttle (reverse by stepping the
 * clock, since browsers can't play backwards), in/out marks and Home/End — all in integer frames.
 */
export function useTransport(media: Media | null, clock: FrameClock | null, rate: FrameRate, frame: number) {
  const [marks, setMarks] = useState<InOut>({ in: null, out: null });
  const [speed, setSpeed] = useState(0);
  const shuttleRef = useRef<ShuttleState>(initialShuttle);
  const reverseRaf = useRef(0);
  /** The frame a step starts from: the clock's, which counts a seek in flight as done (key bursts). */
  const current = useCallback(() => clock?.current() ?? frame, [clock, frame]);

  const stopReverse = useCallback(() => {
    cancelAnimationFrame(reverseRaf.current);
    reverseRaf.current = 0;
  }, []);

  const seekFrame = useCallback((target: number) => clock?.seek(target), [clock]);

  const pause = useCallback(() => {
    stopReverse();
    media?.pause();
    setSpeed(0);
    shuttleRef.current = { ...shuttleRef.current, speed: 0 };
  }, [media, stopReverse]);

  const playAt = useCallback(
    (s: number) => {
      if (!media || !clock) return;
      stopReverse();
      setSpeed(s);
      if (s > 0) {
        media.playbackRate = s;
        void media.play().catch(() => setSpeed(0));
        return;
      }
      // Browsers can't play backwards: step the clock in whole frames, one seek at a time.
      clock.pauseQuietly();
      const from = clock.current();
      const t0 = performance.now();
      const fps = frameRateInfo(rate).numerator / frameRateInfo(rate).denominator;
      const tick = (now: number) => {
        const next = Math.max(0, from + Math.round((s * (now - t0) * fps) / 1000));
        if (!media.seeking && next !== clock.current()) clock.seek(next);
        if (next <= 0) {
          reverseRaf.current = 0;
          setSpeed(0);
          return;
        }
        reverseRaf.current = requestAnimationFrame(tick);
      };
      reverseRaf.current = requestAnimationFrame(tick);
    },
    [media, clock, rate, stopReverse],
  );

  useEffect(() => stopReverse, [stopReverse]);
  useEffect(() => {
    if (!media) return;
    const ended = () => setSpeed(0);
    // A pause from elsewhere (end of media, follow mode) resets the shuttle; reverse play pauses on purpose.
    const paused = () => {
      if (!reverseRaf.current) setSpeed(0);
    };
    media.addEventListener("ended", ended);
    media.addEventListener("pause", paused);
    return () => {
      media.removeEventListener("ended", ended);
      media.removeEventListener("pause", paused);
    };
  }, [media]);

  const togglePlay = useCallback(() => {
    if (speed !== 0) pause();
    else {
      shuttleRef.current = { speed: 1, kHeld: false };
      playAt(1);
    }
  }, [speed, pause, playAt]);

  const step = useCallback(
    (frames: number) => {
      pause();
      seekFrame(current() + frames);
    },
    [pause, seekFrame, current],
  );

  const markIn = useCallback(
    () => setMarks((m) => ({ in: frame, out: m.out !== null && m.out < frame ? null : m.out })),
    [frame],
  );
  const markOut = useCallback(
    () => setMarks((m) => ({ in: m.in !== null && m.in > frame ? null : m.in, out: frame })),
    [frame],
  );
  const clearMarks = useCallback(() => setMarks({ in: null, out: null }), []);

  useKeydown((e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const handled = (() => {
      switch (key) {
        case " ":
          togglePlay();
          return true;
        case "arrowleft":
          step(e.shiftKey ? -framesPerSecond(rate) : -1);
          return true;
        case "arrowright":
          step(e.shiftKey ? framesPerSecond(rate) : 1);
          return true;
        case "home":
          pause();
          seekFrame(0);
          return true;
        case "end":
          pause();
          seekFrame(Number.MAX_SAFE_INTEGER);
          return true;
        case "i":
          markIn();
          return true;
        case "o":
          markOut();
          return true;
        case "x":
          clearMarks();
          return true;
        case "j":
        case "k":
        case "l": {
          if (e.repeat && key === "k") return true;
          const r = shuttle(shuttleRef.current, key);
          shuttleRef.current = r.state;
          if (r.action.type === "pause") pause();
          else if (r.action.type === "play") playAt(r.action.speed);
          else if (r.action.type === "step") seekFrame(current() + r.action.frames);
          return true;
        }
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  });

  useEffect(() => {
    const up = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k") shuttleRef.current = shuttle(shuttleRef.current, "k-up").state;
    };
    window.addEventListener("keyup", up);
    return () => window.removeEventListener("keyup", up);
  }, []);

  return { speed, marks, setMarks, seekFrame, togglePlay, pause, playAt, step, markIn, markOut, clearMarks };
}
