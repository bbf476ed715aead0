import { markerName, markerText } from "./marker.text.js";
import { type MarkerNote, type MarkerSource, RESOLVE_COLOUR, durationOf } from "./marker.types.js";
import { CMX, edlTimecode, eventLine, fcmLine, titleLine } from "./edl-layout.js";
import { oneLine, truncate } from "./text.js";

/**
 * DaVinci Resolve marker EDL (docs/exports.md "Resolve"): one one-frame event per marker, then
 * `text |C:ResolveColorBlue |M:name |D:frames`. Resolve keeps one marker per frame, so notes on
 * one frame are merged: the text lists each note with its own range, and |D: is the shortest of
 * their durations, so a point note is never stretched to a neighbour's range. Event numbers run
 * 001-999; a version with markers on more frames is written as numbered parts of 999 events.
 */
const STATUS_WEIGHT: Record<MarkerNote["status"], number> = {
  OPEN: 0,
  IN_PROGRESS: 1,
  WONT_FIX: 2,
  RESOLVED: 3,
};

/** Notes grouped by start frame, in time order. */
function markersByFrame(src: MarkerSource): MarkerNote[][] {
  const byFrame = new Map<number, MarkerNote[]>();
  for (const n of src.notes) {
    const group = byFrame.get(n.startFrame);
    if (group) group.push(n);
    else byFrame.set(n.startFrame, [n]);
  }
  return [...byFrame.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/** How many files the Resolve export takes (at least one, possibly without markers). */
export function resolveParts(notes: readonly Pick<MarkerNote, "startFrame">[]): number {
  return Math.max(1, Math.ceil(new Set(notes.map((n) => n.startFrame)).size / CMX.maxEvent));
}

/** A marker line's limit: Resolve shows a note, not a document; the full text is in OTIO/XML/CSV. */
export const RESOLVE_MAX_MARKER_LINE = 2_000;
const TEXT_BUDGET = RESOLVE_MAX_MARKER_LINE - 400;

/** A field of the marker line: one line, and no "|" (it starts the next field). */
const field = (s: string, max: number) => truncate(oneLine(s).replace(/\|/g, "/"), max);

function rangeOf(src: MarkerSource, n: MarkerNote): string {
  const d = durationOf(n);
  return d === 1
    ? edlTimecode(src, n.startFrame)
    : `${edlTimecode(src, n.startFrame)}-${edlTimecode(src, n.endFrame)}, ${d} frames`;
}

/** Part `part` (1-based) of the Resolve marker EDL. */
export function toResolveEdl(src: MarkerSource, part = 1): string {
  const parts = resolveParts(src.notes);
  if (!Number.isInteger(part) || part < 1 || part > parts) {
    throw new RangeError(`part must be 1-${parts}`);
  }
  const groups = markersByFrame(src).slice((part - 1) * CMX.maxEvent, part * CMX.maxEvent);
  const title = parts > 1 ? `${src.title} (part ${part} of ${parts})` : src.title;
  const lines = [titleLine(title), fcmLine(src), ""];
  groups.forEach((group, i) => {
    const lead = [...group].sort(
      (a, b) => STATUS_WEIGHT[a.status] - STATUS_WEIGHT[b.status],
    )[0] as MarkerNote;
    const frame = lead.startFrame;
    const text =
      group.length === 1
        ? markerText(lead)
        : group.map((n) => `${markerText(n)} (${rangeOf(src, n)})`).join(" ;; ");
    const name = group.map(markerName).join(" + ");
    const duration = Math.min(...group.map(durationOf));
    lines.push(
      `${eventLine({
        number: i + 1,
        reel: "001",
        channel: "V",
        transition: "C",
        sourceIn: edlTimecode(src, frame),
        sourceOut: edlTimecode(src, frame + 1),
        recordIn: edlTimecode(src, frame),
        recordOut: edlTimecode(src, frame + 1),
      })}  `,
      `${field(text, TEXT_BUDGET)} |C:${RESOLVE_COLOUR[lead.status]} |M:${field(name, 300)} |D:${duration}`,
      "",
    );
  });
  return lines.join("\n");
}
