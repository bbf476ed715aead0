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

function record(src: MarkerSource, n: MarkerSource["notes"][number]): string[] {
  const tc = (frame: number) => framesToTimecode(frame, src.rate, src.startTimecode);
  return [
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
  ];
}

const OPTIONS = { record_delimiter: "windows" } as const;

export function toCsv(src: MarkerSource, { excel = false }: CsvOptions = {}): string {
  return stringify([HEADER, ...src.notes.map((n) => record(src, n))], { ...OPTIONS, bom: excel });
}

/** Rows per slice of `toCsvSliced`: about 20 ms of rendering for 2,000-character notes. */
const SLICE = 200;

/**
 * The same bytes as `toCsv`, rendered a slice of rows at a time with the event loop let through
 * in between: CSV records are independent, so slices concatenate. csv-stringify costs ~3x a
 * join; without slicing, a flood of large exports held every other request for their whole
 * render (export-budget.attack.test.ts).
 */
export async function toCsvSliced(src: MarkerSource, { excel = false }: CsvOptions = {}): Promise<string> {
  const parts = [stringify([HEADER], { ...OPTIONS, bom: excel })];
  for (let i = 0; i < src.notes.length; i += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    parts.push(
      stringify(
        src.notes.slice(i, i + SLICE).map((n) => record(src, n)),
        OPTIONS,
      ),
    );
  }
  return parts.join("");
}
