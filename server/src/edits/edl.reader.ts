import { FrameRate, TimecodeError, frameRateInfo } from "@greenlight/common/timecode";
import { EditFormat, TransitionKind } from "./edit.enums.js";
import { continuousTimecodeToFrames } from "./edit.timecode.js";
import {
  EDIT_LIMITS,
  type EditEvent,
  type EditMarker,
  EditParseError,
  type EditTimeline,
  type EditTransition,
} from "./edit.timeline.js";

/**
 * Reads a CMX3600 EDL (docs/exports.md "Reading a cut's edit"): TITLE and FCM (drop/non-drop,
 * also between events), event lines (cut, dissolve, wipe, key, with their frames), AUD 3/4, M2
 * speed lines, `* FROM CLIP NAME:`, `* TO CLIP NAME:`, `* FROM CLIP:`/`* FROM FILE:`/
 * `* SOURCE FILE:`, `* LOC:` locators, Resolve's `|C: |M: |D:` marker lines and other comments. Fields are read by whitespace, as
 * every reader does, so files that drift from the fixed columns still read. Anything else is
 * refused with its line number.
 */
const TC = /^\d{2}:\d{2}:\d{2}[:;]\d{2}$/;
const TRANSITION = /^(C|D|W\d{3}|K|KB|KO)$/;

/** CMX3600 channel shorthands (A is audio 1, B is picture and audio 1). */
const CHANNELS: Record<string, string[]> = {
  V: ["V"],
  A: ["A1"],
  A2: ["A2"],
  AA: ["A1", "A2"],
  B: ["V", "A1"],
  "A/V": ["V", "A1"],
  "A2/V": ["V", "A2"],
  "AA/V": ["V", "A1", "A2"],
  NONE: [],
};

function tracksOf(channel: string, line: number): string[] {
  const known = CHANNELS[channel];
  if (known) return known;
  if (/^A\d{1,2}$/.test(channel)) return [channel];
  if (/^V\d{0,2}$/.test(channel)) return ["V"];
  throw new EditParseError(`unknown channel "${channel}" (V, A, A2, AA, B, AA/V, A3 ...)`, line);
}

function transitionOf(code: string, frames: number | null): EditTransition {
  if (code === "C") return { kind: TransitionKind.CUT, code, frames: 0 };
  const kind =
    code === "D" ? TransitionKind.DISSOLVE : code.startsWith("W") ? TransitionKind.WIPE : TransitionKind.KEY;
  return { kind, code, frames: frames ?? 0 };
}

/** The drop-frame or non-drop rate of the same family as `base` that an FCM line names. */
function rateFor(base: FrameRate, drop: boolean, line: number): FrameRate {
  const fam = frameRateInfo(base);
  if (!drop) {
    if (base === FrameRate.FPS_29_97_DF) return FrameRate.FPS_29_97_NDF;
    return base === FrameRate.FPS_59_94_DF ? FrameRate.FPS_59_94_NDF : base;
  }
  if (fam.denominator === 1001 && fam.nominalFps === 30) return FrameRate.FPS_29_97_DF;
  if (fam.denominator === 1001 && fam.nominalFps === 60) return FrameRate.FPS_59_94_DF;
  throw new EditParseError(
    `FCM: DROP FRAME, but the version's rate (${base}) has no drop-frame counting`,
    line,
  );
}

interface State {
  rate: FrameRate;
  timeline: EditTimeline;
  /** Events of the latest event number (a dissolve has two lines). */
  group: EditEvent[];
  trackEnds: Map<string, { end: number; number: number }>;
}

function frames(label: string, s: State, line: number): number {
  if (!TC.test(label)) throw new EditParseError(`"${label}" is not a timecode HH:MM:SS:FF`, line);
  try {
    return continuousTimecodeToFrames(label, s.rate);
  } catch (e) {
    if (e instanceof TimecodeError) throw new EditParseError(e.message, line);
    throw e;
  }
}

function readEvent(tokens: string[], s: State, line: number): void {
  if (tokens.length !== 8 && tokens.length !== 9) {
    throw new EditParseError(
      `an event has 8 or 9 fields (number reel channel transition [frames] 4 timecodes), got ${tokens.length}`,
      line,
    );
  }
  const [num = "", reel = "", channel = "", code = ""] = tokens;
  if (!TRANSITION.test(code))
    throw new EditParseError(`unknown transition "${code}" (C, D, Wnnn, K, KB, KO)`, line);
  const withFrames = tokens.length === 9;
  if (withFrames !== (code !== "C")) {
    throw new EditParseError(
      code === "C" ? "a cut has no transition frames" : `transition ${code} needs its length in frames`,
      line,
    );
  }
  const length = withFrames ? Number(tokens[4]) : null;
  if (length !== null && !/^\d{1,3}$/.test(tokens[4] ?? ""))
    throw new EditParseError(`"${tokens[4]}" is not a transition length (000-999 frames)`, line);
  const [si, so, ri, ro] = tokens.slice(withFrames ? 5 : 4).map((t) => frames(t, s, line)) as [
    number,
    number,
    number,
    number,
  ];
  if (so < si) throw new EditParseError("source out is before source in", line);
  if (ro < ri)
    throw new EditParseError(
      "record out is before record in (an EDL past midnight must continue to 24:00:00:00 and on)",
      line,
    );
  const number = Number(num);
  if (s.group[0]?.number !== number) s.group = [];
  const event: EditEvent = {
    number,
    tracks: tracksOf(channel, line),
    reel: reel === "AX" ? null : reel,
    clipName: null,
    sourceFile: null,
    sourceIn: si,
    sourceOut: so,
    recordIn: ri,
    recordOut: ro,
    transition: transitionOf(code, length),
    speed: null,
    comments: [],
    line,
  };
  checkOverlap(event, s, line);
  s.group.push(event);
  s.timeline.events.push(event);
  if (s.timeline.events.length > EDIT_LIMITS.maxEvents)
    throw new EditParseError(`more than ${EDIT_LIMITS.maxEvents} events`, line);
}

/** Two events on one track may not cover the same record frames (zero-length events aside). */
function checkOverlap(e: EditEvent, s: State, line: number): void {
  if (e.recordOut === e.recordIn) return;
  for (const t of e.tracks) {
    const prev = s.trackEnds.get(t);
    if (prev && e.recordIn < prev.end && prev.number !== e.number) {
      throw new EditParseError(
        `event ${e.number} starts on ${t} before event ${prev.number} ends there (overlapping record)`,
        line,
      );
    }
    s.trackEnds.set(t, { end: Math.max(prev?.end ?? 0, e.recordOut), number: e.number });
  }
}

function readComment(body: string, s: State, line: number): void {
  const last = s.group.at(-1);
  const m = /^(FROM CLIP NAME|TO CLIP NAME|FROM CLIP|FROM FILE|SOURCE FILE|LOC)\s*:\s*(.*)$/i.exec(body);
  const key = m?.[1]?.toUpperCase();
  const value = m?.[2]?.trim() ?? "";
  if (key === "LOC") {
    readLocator(value, s, line);
    return;
  }
  if (last && /^FREEZE FRAME/i.test(body)) {
    last.speed = { fps: 0, freeze: true };
    return;
  }
  if (!last || !key) {
    if (last) last.comments.push(body);
    return;
  }
  if (key === "FROM CLIP NAME") {
    // In a transition the outgoing clip is the group's first line.
    const target =
      last.transition.kind !== TransitionKind.CUT && s.group.length > 1 ? (s.group[0] as EditEvent) : last;
    target.clipName = value;
  } else if (key === "TO CLIP NAME") last.clipName = value;
  else last.sourceFile = value;
}

function readLocator(value: string, s: State, line: number): void {
  const m = /^(\S+)\s+(\S+)\s*(.*)$/.exec(value);
  if (!m) throw new EditParseError("a locator is * LOC: timecode colour text", line);
  const text = (m[3] ?? "").trim();
  // Greenlight's own locators lead with "#n DUR frames" for a range (exports/cmx3600.ts).
  const dur = /^#\d+ DUR (\d+) /.exec(text);
  const marker: EditMarker = {
    frame: frames(m[1] ?? "", s, line),
    durationFrames: dur ? Number(dur[1]) : 1,
    colour: (m[2] ?? "").toUpperCase(),
    name: text,
    comment: text,
    metadata: {},
  };
  s.timeline.markers.push(marker);
  if (s.timeline.markers.length > EDIT_LIMITS.maxMarkers)
    throw new EditParseError(`more than ${EDIT_LIMITS.maxMarkers} locators`, line);
}

/** Resolve's marker line after its one-frame event: `text |C:ResolveColorBlue |M:name |D:frames`. */
function readResolveMarker(text: string, s: State, line: number): void {
  const event = s.group.at(-1);
  const m = /^(.*?) ?\|C:(\S+) \|M:(.*) \|D:(\d+)$/.exec(text);
  if (!event || !m) throw new EditParseError("a Resolve marker line follows its event", line);
  s.timeline.markers.push({
    frame: event.recordIn,
    durationFrames: Number(m[4]),
    colour: (m[2] ?? "").replace(/^ResolveColor/, "").toUpperCase(),
    name: m[3] ?? "",
    comment: m[1] ?? "",
    metadata: {},
  });
}

function readSpeed(tokens: string[], s: State, line: number): void {
  // M2   REEL     025.0    01:00:00:00 : reel, source frames per second, source timecode.
  const fps = Number(tokens[2]);
  if (tokens.length !== 4 || !Number.isFinite(fps))
    throw new EditParseError("an M2 line is M2 reel speed timecode", line);
  const target = s.group.find((e) => (e.reel ?? "AX") === tokens[1]) ?? s.group.at(-1);
  if (!target) throw new EditParseError("M2 before any event", line);
  target.speed = { fps, freeze: fps === 0 };
}

function readLine(raw: string, s: State, line: number): void {
  const text = raw.trim();
  if (text === "") return;
  if (raw.length > EDIT_LIMITS.maxLine)
    throw new EditParseError(`longer than ${EDIT_LIMITS.maxLine} characters`, line);
  const tokens = text.split(/\s+/);
  const head = tokens[0] ?? "";
  if (/^TITLE:/i.test(text)) s.timeline.name = text.slice(6).trim();
  else if (/^FCM:/i.test(text)) {
    const mode = text.slice(4).trim().toUpperCase().replace(/-/g, " ");
    if (mode !== "DROP FRAME" && mode !== "NON DROP FRAME")
      throw new EditParseError("FCM is DROP FRAME or NON-DROP FRAME", line);
    s.rate = rateFor(s.rate, mode === "DROP FRAME", line);
    if (s.timeline.events.length === 0) s.timeline.rate = s.rate;
  } else if (/^\d{3,6}$/.test(head)) readEvent(tokens, s, line);
  else if (text.startsWith("*")) readComment(text.replace(/^\*+\s*/, ""), s, line);
  else if (/ \|C:\S+ \|M:.* \|D:\d+$/.test(text)) readResolveMarker(text, s, line);
  else if (head === "M2") readSpeed(tokens, s, line);
  else if (head === "AUD") {
    const last = s.group.at(-1);
    if (!last || !tokens.slice(1).every((t) => /^[1-9]$/.test(t)))
      throw new EditParseError("AUD lists audio channels after an event", line);
    for (const t of tokens.slice(1)) if (!last.tracks.includes(`A${t}`)) last.tracks.push(`A${t}`);
  } else if (/^(SPLIT:|>>>|FINAL|EFFECTS NAME IS)/i.test(text)) s.group.at(-1)?.comments.push(text);
  else throw new EditParseError(`not an event, comment or known statement: "${text.slice(0, 40)}"`, line);
}

/** Parses an EDL counted at `rate` (the version's; FCM picks its drop-frame or non-drop form). */
export function readEdl(text: string, rate: FrameRate): EditTimeline {
  if (text.length > EDIT_LIMITS.maxChars)
    throw new EditParseError(`the file is longer than ${EDIT_LIMITS.maxChars} characters`);
  const s: State = {
    rate,
    timeline: { format: EditFormat.CMX3600_EDL, name: "", rate, events: [], markers: [], warnings: [] },
    group: [],
    trackEnds: new Map(),
  };
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) readLine(raw, s, i + 1);
  for (const e of s.timeline.events) {
    const rec = e.recordOut - e.recordIn;
    if (!e.speed && rec !== e.sourceOut - e.sourceIn) {
      s.timeline.warnings.push(
        `line ${e.line}: event ${e.number} records ${rec} frames from ${e.sourceOut - e.sourceIn} source frames without an M2 speed line`,
      );
    }
  }
  return s.timeline;
}
