import type { FrameRate } from "@greenlight/common/timecode";

/**
 * A version's notes as the writers see them (pure data: the service reads and maps them). Frames
 * count from 0 at the first frame of the media; `endFrame` is inclusive.
 */
export type MarkerStatus = "OPEN" | "IN_PROGRESS" | "RESOLVED" | "WONT_FIX";
export type MarkerStem = "FULL_MIX" | "DIALOGUE" | "MUSIC" | "EFFECTS";

export interface MarkerReply {
  author: string;
  body: string;
}

export interface MarkerNote {
  /** The note's id, so a marker can be traced back (OTIO metadata, CSV). */
  id: string;
  /** 1-based position in time order, shown in marker names (#3). */
  index: number;
  startFrame: number;
  endFrame: number;
  status: MarkerStatus;
  author: string;
  category: string | null;
  /** MIX notes only. */
  stem: MarkerStem | null;
  body: string;
  replies: MarkerReply[];
  /** Shapes in the note's drawing (0 = none): the marker says a drawing is there to look at. */
  drawingShapes: number;
}

export interface MarkerSource {
  title: string;
  kind: "CUT" | "MIX";
  rate: FrameRate;
  startTimecode: string;
  durationFrames: number | null;
  mediaUrl: string | null;
  notes: MarkerNote[];
}

/** Colour by status (domain.md: open blue, resolved green). Avid's eight colour names. */
export const AVID_COLOUR: Record<MarkerStatus, string> = {
  OPEN: "blue",
  IN_PROGRESS: "yellow",
  RESOLVED: "green",
  WONT_FIX: "magenta",
};

/** The same colours in Resolve's marker EDL names (|C:ResolveColor...). */
export const RESOLVE_COLOUR: Record<MarkerStatus, string> = {
  OPEN: "ResolveColorBlue",
  IN_PROGRESS: "ResolveColorYellow",
  RESOLVED: "ResolveColorGreen",
  WONT_FIX: "ResolveColorPink",
};

/** OTIO's MarkerColor enum values (opentimelineio.schema.MarkerColor). */
export const OTIO_COLOUR: Record<MarkerStatus, string> = {
  OPEN: "BLUE",
  IN_PROGRESS: "YELLOW",
  RESOLVED: "GREEN",
  WONT_FIX: "MAGENTA",
};

/**
 * Audio track per stem in the EDL: A1 carries the full mix (and MIX notes without a stem), then
 * the stems in the Stem enum's order.
 */
export const STEM_TRACK: Record<MarkerStem, string> = {
  FULL_MIX: "A1",
  DIALOGUE: "A2",
  MUSIC: "A3",
  EFFECTS: "A4",
};

/** The note's track: V1 for a cut, the stem's audio track for a mix. */
export function trackOf(src: Pick<MarkerSource, "kind">, note: Pick<MarkerNote, "stem">): string {
  return src.kind === "CUT" ? "V1" : STEM_TRACK[note.stem ?? "FULL_MIX"];
}

/** The media's length in frames: the version's duration, else up to the last note. */
export function mediaEnd(src: MarkerSource): number {
  let end = src.durationFrames ?? 1;
  if (src.durationFrames === null) for (const n of src.notes) end = Math.max(end, n.endFrame + 1);
  return end;
}

export const durationOf = (n: Pick<MarkerNote, "startFrame" | "endFrame">): number =>
  n.endFrame - n.startFrame + 1;
