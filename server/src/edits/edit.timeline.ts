import type { FrameRate } from "@greenlight/common/timecode";
import type { EditFormat, TransitionKind } from "./edit.enums.js";

/**
 * A cut's edit as Greenlight reads it from a CMX3600 EDL or an OTIO file: one flat list of
 * events (docs/exports.md "Reading a cut's edit"). This is the conform input (issue #16), so it
 * carries positions only as integer frames at `rate`, counted from 00:00:00:00 and continuing
 * past 24 hours; out points are exclusive (an event covers [in, out)).
 */
export type { EditFormat, TransitionKind };

export interface EditTransition {
  kind: TransitionKind;
  /** The code as written: C, D, W001, K, KB, KO (OTIO: its transition_type). */
  code: string;
  /** Length in frames; 0 for a cut. */
  frames: number;
}

/** A speed change: M2 lines in an EDL, LinearTimeWarp/FreezeFrame effects in OTIO. */
export interface EditSpeed {
  /** Source frames played per second of record; negative plays in reverse; 0 is a freeze. */
  fps: number;
  freeze: boolean;
}

export interface EditEvent {
  /** EDL event number (two lines of one dissolve share it); OTIO: position in its track, from 1. */
  number: number;
  /** Tracks the event records onto: "V", "A1", "A2" ... (an EDL's AA/V expands to V, A1, A2). */
  tracks: string[];
  /** Source reel or tape (EDL reel field; OTIO: metadata.cmx_3600.reel), null when AX/unknown. */
  reel: string | null;
  /** `* FROM CLIP NAME:` / the OTIO clip's name. */
  clipName: string | null;
  /** `* FROM CLIP:` / `* FROM FILE:` / the OTIO media reference's target_url. */
  sourceFile: string | null;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
  /** The transition into this event. */
  transition: EditTransition;
  speed: EditSpeed | null;
  /** Comment lines kept as written (without the leading "*"), those not read into fields above. */
  comments: string[];
  /** 1-based line of the event in the EDL; null for OTIO. */
  line: number | null;
}

export interface EditMarker {
  /** Record frame. */
  frame: number;
  /** Frames covered; 0 or 1 for a point. */
  durationFrames: number;
  colour: string | null;
  name: string;
  comment: string;
  /** OTIO marker metadata (Greenlight's own under `greenlight`), {} for EDL locators. */
  metadata: Record<string, unknown>;
}

export interface EditTimeline {
  format: EditFormat;
  name: string;
  rate: FrameRate;
  events: EditEvent[];
  markers: EditMarker[];
  /** Things read but doubtful (e.g. record and source lengths differ without a speed effect). */
  warnings: string[];
}

/** Refused input: `line` is 1-based (EDL, JSON syntax); `path` names the OTIO object. */
export class EditParseError extends Error {
  override readonly name = "EditParseError";
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly path: string | null = null,
  ) {
    super(line !== null ? `line ${line}: ${message}` : path ? `${path}: ${message}` : message);
  }
}

/** What a reader takes at most (uploads are bounded first by the request body limit). */
export const EDIT_LIMITS = Object.freeze({
  maxChars: 16_000_000,
  maxEvents: 10_000,
  maxMarkers: 10_000,
  maxLine: 4_000,
});
