import { stringify } from "csv-stringify/sync";
import { framesToTimecode } from "@greenlight/common/timecode";
import { markerLines, markerName, stemLabel } from "./marker.text.js";
import { AVID_COLOUR, type MarkerSource, durationOf, trackOf } from "./marker.types.js";
import { cleanText, escapeFormula } from "./text.js";

/**
 * The universal fallback (docs/exports.md "CSV"), RFC 4180 through csv-stringify: the common
 * marker columns first (No., Name, Start, End, Duration, Color, Notes), then Track, Stem, Status,
 * Author, Category and Note ID. Notes keep their line breaks inside quotes. Every text cell is
 * formula-escaped. The Excel preset adds a UTF-8 byte-order mark, without which Excel on Windows
 * reads the file as the system code page (é, 日本語 and emoji garbled).
 */
export interface CsvOptions {
  excel?: boolean;
}

const HEADER = [
  "No.",
  "Name",
  "Start",
  "End",
  "Duration",
  "Color",
  "Notes",
  "Track",
  "Stem",
  "Status",
  "Author",
  "Category",
  "Note ID",
];

const cell = (s: string) => escapeFormula(cleanText(s, { lineBreak: "\n" }));

export function toCsv(src: MarkerSource, { excel = false }: CsvOptions = {}): string {
  const tc = (frame: number) => framesToTimecode(frame, src.rate, src.startTimecode);
  const rows = src.notes.map((n) => [
    String(n.index),
    cell(markerName(n)),
    tc(n.startFrame),
    tc(n.endFrame),
    framesToTimecode(durationOf(n), src.rate),
    AVID_COLOUR[n.status],
    cell(markerLines(n).join("\n")),
    trackOf(src, n),
    stemLabel(n.stem) ?? "",
    n.status,
    cell(n.author),
    n.category ?? "",
    n.id,
  ]);
  return stringify([HEADER, ...rows], { bom: excel, record_delimiter: "windows", quoted_match: /^\s|\s$/ });
}
