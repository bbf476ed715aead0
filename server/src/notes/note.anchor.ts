import { AssetKind } from "../assets/asset.enums.js";
import { badInput } from "../errors/app-errors.js";
import { framesToTimecode } from "@greenlight/common/timecode";
import { type Stem } from "../versions/version.enums.js";
import type { VersionDoc } from "../versions/version.model.js";
import { quoteLines, splitLines } from "@greenlight/common/lines";
import { timingOf } from "../versions/version.type.js";
import type { AnchorDoc } from "./note.model.js";

export interface AnchorInput {
  script?: { lineStart: number; lineEnd: number } | null;
  time?: { startFrame: number; endFrame?: number | null; stem?: Stem | null } | null;
}

/**
 * Resolves addNote's anchor against the version (contract "Notes and anchors"): exactly one of
 * `script` (SCRIPT versions) or `time` (CUT and MIX); the quote and timecodes are computed here
 * and stored with the note.
 */
export function resolveAnchor(
  version: Pick<VersionDoc, "kind" | "text" | "frameRate" | "startTimecode" | "durationFrames">,
  input: AnchorInput,
): AnchorDoc {
  const hasScript = input.script != null;
  const hasTime = input.time != null;
  if (hasScript === hasTime) {
    throw badInput("Give exactly one anchor: script (for scripts) or time (for cuts and mixes).", {
      anchor: "exactly one of script or time",
    });
  }
  if (version.kind === AssetKind.SCRIPT) {
    if (!input.script)
      throw badInput("Script versions take a script anchor.", { time: "not for SCRIPT versions" });
    return scriptAnchor(version.text ?? "", input.script.lineStart, input.script.lineEnd);
  }
  if (!input.time)
    throw badInput("Cuts and mixes take a time anchor.", { script: "only for SCRIPT versions" });
  return timeAnchor(version, input.time);
}

function scriptAnchor(text: string, lineStart: number, lineEnd: number): AnchorDoc {
  const lines = splitLines(text);
  if (
    !Number.isInteger(lineStart) ||
    !Number.isInteger(lineEnd) ||
    lineStart < 1 ||
    lineStart > lineEnd ||
    lineEnd > lines.length
  ) {
    throw badInput(`Lines must satisfy 1 <= lineStart <= lineEnd <= ${lines.length}.`, {
      "script.lineStart": "out of range",
      "script.lineEnd": "out of range",
    });
  }
  return { type: "SCRIPT", lineStart, lineEnd, quote: quoteLines(lines, lineStart, lineEnd) };
}

function timeAnchor(
  version: Pick<VersionDoc, "kind" | "frameRate" | "startTimecode" | "durationFrames">,
  time: NonNullable<AnchorInput["time"]>,
): AnchorDoc {
  const startFrame = time.startFrame;
  const endFrame = time.endFrame ?? startFrame;
  if (
    !Number.isInteger(startFrame) ||
    !Number.isInteger(endFrame) ||
    startFrame < 0 ||
    endFrame < startFrame
  ) {
    throw badInput("Frames must satisfy 0 <= startFrame <= endFrame.", { "time.startFrame": "out of range" });
  }
  if (version.durationFrames != null && endFrame >= version.durationFrames) {
    throw badInput(`endFrame must be below the version's ${version.durationFrames} frames.`, {
      "time.endFrame": "beyond the media",
    });
  }
  if (time.stem != null && version.kind !== AssetKind.MIX) {
    throw badInput("stem is only for MIX versions.", { "time.stem": "only for MIX versions" });
  }
  const { rate, start } = timingOf(version);
  return {
    type: "TIME",
    startFrame,
    endFrame,
    startTimecode: framesToTimecode(startFrame, rate, start),
    endTimecode: framesToTimecode(endFrame, rate, start),
    stem: time.stem ?? null,
  };
}
