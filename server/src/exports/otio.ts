import { fps, frameRateInfo, timecodeToFrames } from "@greenlight/common/timecode";
import { markerLines, markerName, stemLabel } from "./marker.text.js";
import { type MarkerSource, OTIO_COLOUR, durationOf, mediaEnd, trackOf } from "./marker.types.js";
import { cleanText, oneLine } from "./text.js";

/**
 * OpenTimelineIO's native JSON (`.otio`, docs/exports.md "OTIO"): a Timeline.1 whose stack holds
 * one track (Video for a cut, Audio for a mix) with one Clip.2 for the version's media, and the
 * notes as Marker.2 on the stack (timeline markers), each with colour, marked_range in frames,
 * name and comment, and metadata.greenlight carrying status, author, category, stem, track and
 * the reply thread. Times are RationalTime.1 at the version's rate (23.976 as 24000/1001 in
 * float). JSON.stringify escapes every control character, so no text rule is needed beyond
 * line-break normalisation.
 */
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const rational = (value: number, rate: number): Json => ({ OTIO_SCHEMA: "RationalTime.1", rate, value });
const range = (start: number, duration: number, rate: number): Json => ({
  OTIO_SCHEMA: "TimeRange.1",
  start_time: rational(start, rate),
  duration: rational(duration, rate),
});
const text = (s: string) => cleanText(s, { lineBreak: "\n" });

export function toOtio(src: MarkerSource): string {
  const rate = fps(src.rate);
  const end = mediaEnd(src);
  const start = timecodeToFrames(src.startTimecode, src.rate);
  const markers: Json[] = src.notes.map((n) => ({
    OTIO_SCHEMA: "Marker.2",
    name: markerName(n),
    comment: text(markerLines(n).join("\n")),
    color: OTIO_COLOUR[n.status],
    marked_range: range(n.startFrame, durationOf(n) === 1 ? 0 : durationOf(n), rate),
    metadata: {
      greenlight: {
        noteId: n.id,
        index: n.index,
        status: n.status,
        author: text(n.author),
        category: n.category,
        stem: n.stem,
        stemLabel: stemLabel(n.stem),
        track: trackOf(src, n),
        durationFrames: durationOf(n),
        body: text(n.body),
        thread: n.replies.map((r) => ({ author: text(r.author), body: text(r.body) })),
      },
    },
  }));
  const clip: Json = {
    OTIO_SCHEMA: "Clip.2",
    name: oneLine(src.title),
    source_range: range(start, end, rate),
    media_references: {
      DEFAULT_MEDIA: {
        OTIO_SCHEMA: "ExternalReference.1",
        name: oneLine(src.title),
        target_url: src.mediaUrl ?? "",
        available_range: range(start, end, rate),
        available_image_bounds: null,
        metadata: {},
      },
    },
    active_media_reference_key: "DEFAULT_MEDIA",
    effects: [],
    markers: [],
    enabled: true,
    metadata: {},
  };
  const track: Json = {
    OTIO_SCHEMA: "Track.1",
    name: src.kind === "CUT" ? "V1" : "A1",
    kind: src.kind === "CUT" ? "Video" : "Audio",
    source_range: null,
    effects: [],
    markers: [],
    enabled: true,
    metadata: {},
    children: [clip],
  };
  const timeline: Json = {
    OTIO_SCHEMA: "Timeline.1",
    name: oneLine(src.title),
    global_start_time: rational(start, rate),
    metadata: {
      greenlight: {
        kind: src.kind,
        frameRate: src.rate,
        dropFrame: frameRateInfo(src.rate).dropFrame,
        startTimecode: src.startTimecode,
      },
    },
    tracks: {
      OTIO_SCHEMA: "Stack.1",
      name: "tracks",
      source_range: null,
      effects: [],
      markers,
      enabled: true,
      metadata: {},
      children: [track],
    },
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
