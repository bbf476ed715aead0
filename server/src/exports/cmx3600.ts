import { markerText } from "./marker.text.js";
import {
  AVID_COLOUR,
  type MarkerNote,
  type MarkerSource,
  durationOf,
  mediaEnd,
  trackOf,
} from "./marker.types.js";
import { CMX, channelOf, commentLine, edlTimecode, eventLine, fcmLine, titleLine } from "./edl-layout.js";
import { toAscii, truncate } from "./text.js";

/**
 * CMX3600 with locators: one event per track spanning the media (V for a cut; A, A2, A3, A4 for
 * a mix: the full mix and each stem that has notes), `* FROM CLIP NAME:` and one `* LOC:` per
 * note under its track's event. Locators are comments, so there is no 999 limit on notes.
 */
export function toCmx3600(src: MarkerSource): string {
  const end = mediaEnd(src);
  const byTrack = new Map<string, MarkerNote[]>([[src.kind === "CUT" ? "V1" : "A1", []]]);
  for (const n of src.notes) {
    const track = trackOf(src, n);
    const list = byTrack.get(track);
    if (list) list.push(n);
    else byTrack.set(track, [n]);
  }
  const lines = [titleLine(src.title), fcmLine(src), ""];
  const tracks = [...byTrack.keys()].sort();
  tracks.forEach((track, i) => {
    const from = edlTimecode(src, 0);
    const to = edlTimecode(src, end);
    lines.push(
      eventLine({
        number: i + 1,
        reel: "AX",
        channel: channelOf(track),
        transition: "C",
        sourceIn: from,
        sourceOut: to,
        recordIn: from,
        recordOut: to,
      }),
      commentLine(`FROM CLIP NAME: ${src.title}${track === "V1" || track === "A1" ? "" : ` ${track}`}`),
    );
    for (const n of byTrack.get(track) ?? []) lines.push(locatorLine(src, n));
    lines.push("");
  });
  return `${lines.join("\n")}`;
}

/**
 * `* LOC: 01:00:01:14 BLUE    #3 DUR 48 [OPEN] author: text` (colour padded to 7, as Avid
 * writes it). LOC has no duration field, so a range's length in frames leads the text.
 */
export function locatorLine(src: MarkerSource, n: MarkerNote): string {
  const duration = durationOf(n) > 1 ? ` DUR ${durationOf(n)}` : "";
  const head = `* LOC: ${edlTimecode(src, n.startFrame)} ${AVID_COLOUR[n.status].toUpperCase().padEnd(7)} `;
  return truncate(`${head}${toAscii(`#${n.index}${duration} ${markerText(n)}`)}`, CMX.maxCommentLine);
}
