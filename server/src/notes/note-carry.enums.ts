import { registerEnumType } from "type-graphql";

/**
 * What happened to a note carried from one version to the next. Script outcomes come from the line
 * diff (versions/script-remap.ts); TRIMMED and SHOT_REMOVED are the cut conform's.
 */
export enum CarryOutcome {
  /** Same lines (or frames), same text. */
  UNCHANGED = "UNCHANGED",
  /** Same text at a new place: lines renumbered, a scene or a shot moved. */
  MOVED = "MOVED",
  /** The anchored lines were edited: the note stays on them; previousAnchor keeps the old quote. */
  TEXT_CHANGED = "TEXT_CHANGED",
  /** The anchored lines are gone: anchored to the nearest surviving line, the old quote kept. */
  LINES_REMOVED = "LINES_REMOVED",
  /** Cut: the frame was trimmed away; anchored to the nearest surviving frame of the same shot. */
  TRIMMED = "TRIMMED",
  /** Cut: the shot is gone; the old timecode is kept. */
  SHOT_REMOVED = "SHOT_REMOVED",
  /** Cut: a range whose frames now sit in several places; anchored to the longest piece. */
  RANGE_SPLIT = "RANGE_SPLIT",
}

/** How the new anchor was found. */
export enum CarryMethod {
  /** A line diff of the two texts (jsdiff). */
  LINE_DIFF = "LINE_DIFF",
  /** The quoted text was found elsewhere in the new text (moved lines), exactly or nearly. */
  QUOTE_MATCH = "QUOTE_MATCH",
  /** Cut: through the source clips of both versions' edits (EDL or OTIO). */
  EDIT = "EDIT",
  /** Cut: no edit for both versions, so the same frame numbers. */
  TIMECODE = "TIMECODE",
}

registerEnumType(CarryOutcome, {
  name: "CarryOutcome",
  description: "What happened to an open note's anchor when it was carried to a newer version.",
  valuesConfig: {
    UNCHANGED: { description: "Same lines (or frames), same text." },
    MOVED: { description: "Same text at a new place: lines renumbered, a scene or a shot moved." },
    TEXT_CHANGED: {
      description:
        "The anchored lines were edited; the note stays on them, previousAnchor keeps the old quote.",
    },
    LINES_REMOVED: {
      description: "The anchored lines are gone; anchored to the nearest surviving line, the old quote kept.",
    },
    TRIMMED: {
      description:
        "Cut: the frame was trimmed away; anchored to the nearest surviving frame of the same shot.",
    },
    SHOT_REMOVED: { description: "Cut: the shot is gone; the old timecode is kept." },
    RANGE_SPLIT: {
      description: "Cut: the range's frames now sit in several places; anchored to the longest piece.",
    },
  },
});
registerEnumType(CarryMethod, {
  name: "CarryMethod",
  description: "How a carried note's new anchor was found.",
  valuesConfig: {
    LINE_DIFF: { description: "A line diff of the two script texts." },
    QUOTE_MATCH: { description: "The quoted text was found elsewhere in the new text, exactly or nearly." },
    EDIT: { description: "Cut: through the source clips of both versions' edits (EDL or OTIO)." },
    TIMECODE: { description: "Cut: no edit on both versions, so the same frame numbers." },
  },
});
