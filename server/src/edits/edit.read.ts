import type { FrameRate } from "@greenlight/common/timecode";
import { badInput } from "../errors/app-errors.js";
import { EditFormat } from "./edit.enums.js";
import { EditParseError, type EditTimeline } from "./edit.timeline.js";
import { readEdl } from "./edl.reader.js";
import { readOtio } from "./otio.reader.js";

/**
 * An attached file is at most this many characters. The request body (MAX_BODY_BYTES, 1 MiB by
 * default) bounds it first; this bound holds when that limit is raised, and keeps the stored
 * timeline far below MongoDB's 16 MB document limit.
 */
export const MAX_EDIT_FILE_CHARS = 4_000_000;

/** Reads an uploaded edit; refusals are BAD_USER_INPUT naming the line (EDL) or JSON path (OTIO). */
export function readEditFile(format: EditFormat, text: string, rate: FrameRate): EditTimeline {
  if (text.length > MAX_EDIT_FILE_CHARS)
    throw badInput(`The edit is longer than ${MAX_EDIT_FILE_CHARS} characters.`, { text: "too long" });
  if (text.trim() === "") throw badInput("The edit file is empty.", { text: "empty" });
  try {
    return format === EditFormat.OTIO ? readOtio(text, rate) : readEdl(text, rate);
  } catch (e) {
    if (!(e instanceof EditParseError)) throw e;
    const where: Record<string, string> =
      e.line !== null ? { line: String(e.line) } : e.path ? { path: e.path } : {};
    throw badInput(`The ${format === EditFormat.OTIO ? "OTIO file" : "EDL"} was refused: ${e.message}`, {
      text: e.message,
      ...where,
    });
  }
}
