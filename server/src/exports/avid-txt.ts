import { markerText } from "./marker.text.js";
import { AVID_COLOUR, type MarkerSource, durationOf, trackOf } from "./marker.types.js";
import { framesToTimecode } from "@greenlight/common/timecode";
import { escapeFormula, oneLine } from "./text.js";

/**
 * Avid Media Composer marker list (docs/exports.md "Avid"): one tab-separated line per marker,
 * `name TAB timecode TAB track TAB colour TAB comment TAB duration` (6 columns, what every
 * Media Composer imports), or the 8 columns newer versions export, which add an empty column and
 * the colour again. Fields are one line without tabs; a field starting like a formula is
 * escaped, since these lists are opened in spreadsheets too. Timecodes are the labels the
 * sequence shows, so they wrap at 24 hours as Media Composer's do (no in/out to keep ordered).
 */
export type AvidColumns = 6 | 8;

const cell = (s: string) => escapeFormula(oneLine(s));

export function toAvidTxt(src: MarkerSource, columns: AvidColumns = 6): string {
  return src.notes
    .map((n) => {
      const row = [
        cell(n.author),
        framesToTimecode(n.startFrame, src.rate, src.startTimecode),
        trackOf(src, n),
        AVID_COLOUR[n.status],
        cell(markerText(n)),
        String(durationOf(n)),
      ];
      if (columns === 8) row.push("", AVID_COLOUR[n.status]);
      return `${row.join("\t")}\n`;
    })
    .join("");
}
