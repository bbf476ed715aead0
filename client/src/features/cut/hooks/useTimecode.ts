import { useMemo } from "react";
import { type FrameRate, labelFor, rateLabel } from "../../../lib/timecode";

export interface TimecodeDisplay {
  /** SMPTE label of the frame, counted from the version's start timecode. */
  readonly label: string;
  /** Frame index from 0 (the first frame of the media). */
  readonly frame: number | null;
  readonly rateLabel: string;
  readonly dropFrame: boolean;
}

/** The timecode readout for a frame: memoised per frame so a 60 fps clock does no extra work. */
export function useTimecode(
  frame: number | null,
  rate: FrameRate,
  startTimecode?: string | null,
): TimecodeDisplay {
  return useMemo(() => {
    const label = labelFor(frame, rate, startTimecode);
    return { label, frame, rateLabel: rateLabel(rate), dropFrame: label.includes(";") };
  }, [frame, rate, startTimecode]);
}
