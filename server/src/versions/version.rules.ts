import { AssetKind } from "../assets/asset.enums.js";
import { badInput } from "../errors/app-errors.js";
import { optionalText } from "../core/text.js";
import { DEFAULT_FRAME_RATE, FrameRate, TimecodeError, normalizeTimecode } from "@greenlight/common/timecode";
import { RevisionColor, Stem } from "./version.enums.js";
import type { LoudnessDoc, StemTrackDoc } from "./version.model.js";
import { lineCount } from "@greenlight/common/lines";
import { mediaUrlShape } from "@greenlight/common/media-url";

export interface VersionFieldsInput {
  text?: string | null;
  mediaUrl?: string | null;
  frameRate?: FrameRate | null;
  startTimecode?: string | null;
  durationFrames?: number | null;
  revisionColor?: RevisionColor | null;
  revisionLabel?: string | null;
  stems?: { stem: Stem; mediaUrl: string }[] | null;
  loudness?: {
    integratedLkfs?: number | null;
    truePeakDbtp?: number | null;
    loudnessRange?: number | null;
  } | null;
}

export interface VersionFields {
  text: string | null;
  lineCount: number | null;
  mediaUrl: string | null;
  frameRate: FrameRate | null;
  startTimecode: string | null;
  durationFrames: number | null;
  revisionColor: RevisionColor | null;
  revisionLabel: string | null;
  stems: StemTrackDoc[];
  loudness: LoudnessDoc | null;
}

/** A feature script is ~120 pages (~300 KB); requests are capped at MAX_BODY_BYTES (1 MB) anyway. */
export const MAX_SCRIPT_CHARS = 500_000;
const WGA_ORDER = Object.values(RevisionColor);

/** Default revision colour by version number, WGA order (v1 WHITE, v2 BLUE, v3 PINK ...), cycling. */
export function defaultRevisionColor(versionNumber: number): RevisionColor {
  return WGA_ORDER[(versionNumber - 1) % WGA_ORDER.length] ?? RevisionColor.WHITE;
}

function colourName(color: RevisionColor): string {
  return color
    .split("_")
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(" ");
}

/** e.g. "White Draft 11/20/2026", "Blue Revision 11/20/2026". */
export function defaultRevisionLabel(color: RevisionColor, at: Date): string {
  const date = `${String(at.getUTCMonth() + 1).padStart(2, "0")}/${String(at.getUTCDate()).padStart(2, "0")}/${at.getUTCFullYear()}`;
  return `${colourName(color)} ${color === RevisionColor.WHITE ? "Draft" : "Revision"} ${date}`;
}

/**
 * Paths under /media/ served by this server, or https URLs on an allowed host (MEDIA_HOSTS) with
 * no credentials: any host let a version track every reviewer's address or point browsers at
 * internal ones (issue 13).
 */
export function validMediaUrl(url: string, hosts: readonly string[]): boolean {
  const shape = mediaUrlShape(url); // the shape rule is shared with the client's form
  return shape !== null && (shape.kind === "path" || hosts.includes(shape.host));
}

const MEDIA_URL_RULE = "must be a /media/... path or an https URL on an allowed host (MEDIA_HOSTS)";

const given = (v: unknown) => v !== null && v !== undefined;

/**
 * Checks AddVersionInput against the asset's kind (contract: SCRIPT requires text; media and
 * timing fields belong to CUT and MIX; stems and loudness to MIX; revisions to SCRIPT) and
 * returns the fields to store. Every problem is BAD_USER_INPUT, listed per field.
 */
export function validateVersionFields(
  kind: AssetKind,
  input: VersionFieldsInput,
  number: number,
  now: Date,
  mediaHosts: readonly string[],
): VersionFields {
  const problems: Record<string, string> = {};
  const wrongKind = (field: keyof VersionFieldsInput, allowed: string) => {
    if (given(input[field])) problems[field] = `only for ${allowed} versions`;
  };
  const out: VersionFields = {
    text: null,
    lineCount: null,
    mediaUrl: null,
    frameRate: null,
    startTimecode: null,
    durationFrames: null,
    revisionColor: null,
    revisionLabel: null,
    stems: [],
    loudness: null,
  };
  if (kind === AssetKind.SCRIPT) {
    for (const f of ["mediaUrl", "frameRate", "startTimecode", "durationFrames"] as const)
      wrongKind(f, "CUT and MIX");
    wrongKind("stems", "MIX");
    wrongKind("loudness", "MIX");
    if (!given(input.text) || (input.text ?? "").trim().length === 0)
      problems.text = "required for SCRIPT versions";
    else if ((input.text ?? "").length > MAX_SCRIPT_CHARS)
      problems.text = `at most ${MAX_SCRIPT_CHARS} characters`;
    else {
      out.text = input.text ?? "";
      out.lineCount = lineCount(out.text);
    }
    out.revisionColor = input.revisionColor ?? defaultRevisionColor(number);
    try {
      out.revisionLabel = optionalText(input.revisionLabel, "revisionLabel", 100);
    } catch {
      problems.revisionLabel = "at most 100 characters";
    }
    out.revisionLabel ??= defaultRevisionLabel(out.revisionColor, now);
  } else {
    wrongKind("text", "SCRIPT");
    wrongKind("revisionColor", "SCRIPT");
    wrongKind("revisionLabel", "SCRIPT");
    if (kind !== AssetKind.MIX) {
      wrongKind("stems", "MIX");
      wrongKind("loudness", "MIX");
    }
    if (given(input.mediaUrl)) {
      const url = (input.mediaUrl ?? "").trim();
      if (!validMediaUrl(url, mediaHosts)) problems.mediaUrl = MEDIA_URL_RULE;
      else out.mediaUrl = url;
    }
    out.frameRate = input.frameRate ?? null;
    if (given(input.startTimecode)) {
      try {
        out.startTimecode = normalizeTimecode(
          input.startTimecode ?? "",
          input.frameRate ?? DEFAULT_FRAME_RATE,
        );
      } catch (e) {
        problems.startTimecode = e instanceof TimecodeError ? e.message : "invalid timecode";
      }
    }
    if (given(input.durationFrames)) {
      const d = input.durationFrames ?? 0;
      if (!Number.isInteger(d) || d < 1) problems.durationFrames = "must be a whole number of frames >= 1";
      else out.durationFrames = d;
    }
    if (kind === AssetKind.MIX) {
      out.stems = validateStems(input.stems ?? [], problems, mediaHosts);
      out.loudness = validateLoudness(input.loudness ?? null, problems);
    }
  }
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    throw badInput(`Invalid version: ${fields.map((f) => `${f} ${problems[f]}`).join("; ")}.`, problems);
  }
  return out;
}

function validateStems(
  stems: { stem: Stem; mediaUrl: string }[],
  problems: Record<string, string>,
  mediaHosts: readonly string[],
): StemTrackDoc[] {
  const seen = new Set<Stem>();
  const out: StemTrackDoc[] = [];
  for (const s of stems) {
    if (seen.has(s.stem)) problems.stems = `${s.stem} given twice`;
    seen.add(s.stem);
    const url = (s.mediaUrl ?? "").trim();
    if (!validMediaUrl(url, mediaHosts)) problems.stems = `${s.stem} mediaUrl ${MEDIA_URL_RULE}`;
    out.push({ stem: s.stem, mediaUrl: url });
  }
  return out;
}

function validateLoudness(
  l: VersionFieldsInput["loudness"],
  problems: Record<string, string>,
): LoudnessDoc | null {
  if (!l) return null;
  const check = (v: number | null | undefined, name: string, min: number, max: number) => {
    if (v == null) return null;
    if (!Number.isFinite(v) || v < min || v > max)
      problems[`loudness.${name}`] = `must be between ${min} and ${max}`;
    return v;
  };
  return {
    integratedLkfs: check(l.integratedLkfs, "integratedLkfs", -70, 0),
    truePeakDbtp: check(l.truePeakDbtp, "truePeakDbtp", -70, 20),
    loudnessRange: check(l.loudnessRange, "loudnessRange", 0, 60),
  };
}
