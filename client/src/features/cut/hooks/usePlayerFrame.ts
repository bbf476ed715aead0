import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { FrameRate } from "../../../lib/timecode";
import { type ClockState, FrameClock, type FrameSource } from "../frameClock";

const NO_MEDIA: ClockState = Object.freeze({ frame: 0, settled: false });
const noop = () => () => {};

/**
 * The player's frame clock (one per media element and rate) and its current state. Everything that
 * moves the playhead calls `clock.seek`; everything that shows it reads `frame`.
 */
export function usePlayerFrame(media: FrameSource | null, rate: FrameRate, durationFrames: number | null) {
  const clock = useMemo(() => (media ? new FrameClock(media, rate) : null), [media, rate]);
  useEffect(() => clock?.start(), [clock]);
  useEffect(() => clock?.setDuration(durationFrames), [clock, durationFrames]);
  const state = useSyncExternalStore(clock?.subscribe ?? noop, clock?.get ?? (() => NO_MEDIA));
  return { clock, frame: state.frame, settled: state.settled };
}
