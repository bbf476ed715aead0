/**
 * The add-version form as plain data: its state, live validation (timecodes through the server's own
 * module, so the form accepts exactly what the API accepts) and the AddVersionInput it sends.
 * Kept free of React so every rule is unit-tested.
 */
import type { AddVersionInput, AssetKind, RevisionColor, Stem } from "../../../gql/graphql";
import { FrameRate, frameRateInfo, isDropFrame, rateLabel, timecodeToFrames } from "../../../lib/timecode";
import { mediaUrlShape } from "@greenlight/common/media-url";

/** WGA revision order (the order the server assigns defaults in). */
export const WGA_ORDER: readonly RevisionColor[] = [
  "WHITE",
  "BLUE",
  "PINK",
  "YELLOW",
  "GREEN",
  "GOLDENROD",
  "BUFF",
  "SALMON",
  "CHERRY",
  "DOUBLE_BLUE",
  "DOUBLE_PINK",
  "DOUBLE_YELLOW",
  "DOUBLE_GREEN",
  "DOUBLE_GOLDENROD",
  "DOUBLE_BUFF",
  "DOUBLE_SALMON",
  "DOUBLE_CHERRY",
];

/** The colour after the latest revision's (White for a first draft; wraps after Double Cherry). */
export function nextRevisionColor(latest: RevisionColor | null | undefined): RevisionColor {
  if (!latest) return "WHITE";
  const i = WGA_ORDER.indexOf(latest);
  return WGA_ORDER[(i + 1) % WGA_ORDER.length] ?? "WHITE";
}

/** Every frame rate, slowest first, with the label editors use ("29.97 DF"). */
export const FRAME_RATE_OPTIONS: readonly { value: FrameRate; label: string }[] = Object.values(
  FrameRate,
).map((value) => ({ value, label: rateLabel(value) }));

export const STEMS: readonly { stem: Stem; label: string }[] = [
  { stem: "FULL_MIX", label: "Full mix" },
  { stem: "DIALOGUE", label: "Dialogue" },
  { stem: "MUSIC", label: "Music" },
  { stem: "EFFECTS", label: "Effects" },
];

export interface VersionFormState {
  text: string;
  revisionColor: RevisionColor;
  revisionLabel: string;
  mediaUrl: string;
  frameRate: FrameRate;
  startTimecode: string;
  /** Typed as text so a half-typed value is kept; parsed on validation. */
  durationFrames: string;
  stems: Record<Stem, string>;
  integratedLkfs: string;
  truePeakDbtp: string;
}

export function initialVersionForm(latestColor?: RevisionColor | null): VersionFormState {
  return {
    text: "",
    revisionColor: nextRevisionColor(latestColor),
    revisionLabel: "",
    mediaUrl: "",
    frameRate: FrameRate.FPS_24,
    startTimecode: "01:00:00:00",
    durationFrames: "",
    stems: { FULL_MIX: "", DIALOGUE: "", MUSIC: "", EFFECTS: "" },
    integratedLkfs: "",
    truePeakDbtp: "",
  };
}

/** Field name (as the server names it in `extensions.fields`) to message. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The server's rule (shared): a /media/ path or an https URL without credentials. Whether the
 * host is allowed (MEDIA_HOSTS) only the server knows; it names the field when it is not.
 */
export function isMediaUrl(url: string): boolean {
  return mediaUrlShape(url) !== null;
}

const MEDIA_URL_HINT = "A /media/… path or an https URL";

/** Null when the label is valid at the rate, else why (the timecode module's own words). */
export function timecodeProblem(label: string, rate: FrameRate): string | null {
  if (!label.trim()) return null;
  try {
    timecodeToFrames(label.trim(), rate);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : "Invalid timecode";
  }
}

/** "01:00:00;00" for drop-frame rates, "01:00:00:00" otherwise: the separator tells editors the count. */
export function withRateSeparator(label: string, rate: FrameRate): string {
  const m = /^(\d{2}:\d{2}:\d{2})[:;.,](\d{2})$/.exec(label.trim());
  if (!m) return label;
  return `${m[1]}${isDropFrame(rate) ? ";" : ":"}${m[2]}`;
}

function numberProblem(raw: string, min: number, max: number): string | null {
  if (!raw.trim()) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) return `Between ${min} and ${max}`;
  return null;
}

export function validateVersionForm(kind: AssetKind, s: VersionFormState): FieldErrors {
  const errors: FieldErrors = {};
  if (kind === "SCRIPT") {
    if (!s.text.trim()) errors.text = "Paste the script or choose a .fountain file";
    if (s.revisionLabel.length > 100) errors.revisionLabel = "At most 100 characters";
    return errors;
  }
  if (!s.mediaUrl.trim()) errors.mediaUrl = "Required";
  else if (!isMediaUrl(s.mediaUrl.trim())) errors.mediaUrl = MEDIA_URL_HINT;
  const tc = timecodeProblem(s.startTimecode, s.frameRate);
  if (tc) errors.startTimecode = tc;
  if (s.durationFrames.trim()) {
    const d = Number(s.durationFrames);
    if (!Number.isInteger(d) || d < 1) errors.durationFrames = "A whole number of frames, at least 1";
  }
  if (kind === "MIX") {
    for (const { stem } of STEMS) {
      const url = s.stems[stem].trim();
      if (url && !isMediaUrl(url)) errors[`stems.${stem}`] = MEDIA_URL_HINT;
    }
    const lkfs = numberProblem(s.integratedLkfs, -70, 0);
    if (lkfs) errors["loudness.integratedLkfs"] = lkfs;
    const peak = numberProblem(s.truePeakDbtp, -70, 20);
    if (peak) errors["loudness.truePeakDbtp"] = peak;
  }
  return errors;
}

/** The mutation input: only the fields the kind accepts (the server rejects the others). */
export function buildVersionInput(assetId: string, kind: AssetKind, s: VersionFormState): AddVersionInput {
  if (kind === "SCRIPT") {
    return {
      assetId,
      text: s.text,
      revisionColor: s.revisionColor,
      revisionLabel: s.revisionLabel.trim() || null,
    };
  }
  const input: AddVersionInput = {
    assetId,
    mediaUrl: s.mediaUrl.trim(),
    frameRate: s.frameRate,
    startTimecode: s.startTimecode.trim() || null,
    durationFrames: s.durationFrames.trim() ? Number(s.durationFrames) : null,
  };
  if (kind === "MIX") {
    input.stems = STEMS.filter(({ stem }) => s.stems[stem].trim()).map(({ stem }) => ({
      stem,
      mediaUrl: s.stems[stem].trim(),
    }));
    const lkfs = s.integratedLkfs.trim() ? Number(s.integratedLkfs) : null;
    const peak = s.truePeakDbtp.trim() ? Number(s.truePeakDbtp) : null;
    input.loudness = lkfs === null && peak === null ? null : { integratedLkfs: lkfs, truePeakDbtp: peak };
  }
  return input;
}

/** Whole frames in a media duration at a rate (floor: a partial last frame is not a frame). */
export function durationToFrames(seconds: number, rate: FrameRate): number | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const { numerator, denominator } = frameRateInfo(rate);
  return Math.max(1, Math.floor((seconds * numerator) / denominator + 1e-6));
}

/** The server's field names the version form has a control for, by kind (others show form-wide). */
export function versionFormShows(kind: AssetKind, field: string): boolean {
  if (kind === "SCRIPT") return field === "text" || field === "revisionColor" || field === "revisionLabel";
  const media = ["mediaUrl", "frameRate", "startTimecode", "durationFrames"].includes(field);
  if (kind === "CUT") return media;
  return (
    media ||
    field === "stems" ||
    field.startsWith("stems.") ||
    field === "loudness.integratedLkfs" ||
    field === "loudness.truePeakDbtp"
  );
}
