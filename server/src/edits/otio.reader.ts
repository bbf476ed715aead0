import { FrameRate, frameRateInfo } from "@greenlight/common/timecode";
import { EditFormat, TransitionKind } from "./edit.enums.js";
import {
  EDIT_LIMITS,
  type EditEvent,
  type EditMarker,
  EditParseError,
  type EditTimeline,
  type EditTransition,
} from "./edit.timeline.js";

/**
 * Reads OpenTimelineIO JSON (`.otio`): a Timeline.1 whose Stack.1 holds Track.1s of Clip.*,
 * Gap.*, Transition.* (and markers on the stack, tracks and clips). Each clip becomes an event on
 * its track (V, V2 ... for Video, A1, A2 ... for Audio, in stack order), placed after the gaps
 * and clips before it (from the timeline's global_start_time); a transition becomes the next clip's incoming transition; LinearTimeWarp
 * and FreezeFrame effects are read as speed. Nested stacks are refused. Errors name the JSON
 * path; JSON syntax errors name the line.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const schemaOf = (o: Obj) => String(o.OTIO_SCHEMA ?? "").split(".")[0] ?? "";

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new EditParseError("expected an object", null, path);
  return v;
}

function list(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new EditParseError("expected a list", null, path);
  return v;
}

/** A RationalTime in frames at `rate`; OTIO stores the value at its own rate. */
function time(v: unknown, fps: number, path: string): number {
  const t = obj(v, path);
  const value = Number(t.value);
  const rate = Number(t.rate);
  if (!Number.isFinite(value) || !Number.isFinite(rate) || rate <= 0)
    throw new EditParseError("a time needs a numeric value and rate", null, path);
  const frames = (value * fps) / rate;
  if (Math.abs(frames - Math.round(frames)) > 1e-3)
    throw new EditParseError(`${value} at ${rate} is not a whole frame at ${fps}`, null, path);
  return Math.round(frames);
}

function range(v: unknown, fps: number, path: string): { start: number; duration: number } {
  const r = obj(v, path);
  const duration = time(r.duration, fps, `${path}.duration`);
  if (duration < 0) throw new EditParseError("a range's duration is negative", null, path);
  return { start: time(r.start_time, fps, `${path}.start_time`), duration };
}

/** The version's rate when the file's float rate agrees with it, else the rate the float names. */
function rateOf(fileFps: number, base: FrameRate): FrameRate {
  const b = frameRateInfo(base);
  if (Math.abs(b.numerator / b.denominator - fileFps) < 1e-3) return base;
  const match = Object.values(FrameRate).find((r) => {
    const i = frameRateInfo(r);
    return !i.dropFrame && Math.abs(i.numerator / i.denominator - fileFps) < 1e-3;
  });
  if (!match) throw new EditParseError(`frame rate ${fileFps} is not one Greenlight supports`, null, "rate");
  return match;
}

/** The first RationalTime's rate, depth-first; the depth bound keeps hostile nesting off the stack. */
function firstRate(o: unknown, depth = 0): number | null {
  if (depth > 32) return null;
  if (Array.isArray(o)) {
    for (const x of o) {
      const r = firstRate(x, depth + 1);
      if (r) return r;
    }
    return null;
  }
  if (!isObj(o)) return null;
  if (schemaOf(o) === "RationalTime" && Number(o.rate) > 0) return Number(o.rate);
  for (const v of Object.values(o)) {
    const r = firstRate(v, depth + 1);
    if (r) return r;
  }
  return null;
}

function markersOf(item: Obj, offset: number, fps: number, path: string, out: EditMarker[]): void {
  list(item.markers, `${path}.markers`).forEach((m, i) => {
    const p = `${path}.markers[${i}]`;
    const mk = obj(m, p);
    const r = range(mk.marked_range, fps, `${p}.marked_range`);
    out.push({
      frame: offset + r.start,
      durationFrames: r.duration,
      colour: typeof mk.color === "string" ? mk.color : null,
      name: String(mk.name ?? ""),
      comment: String(mk.comment ?? ""),
      metadata: isObj(mk.metadata) ? mk.metadata : {},
    });
    if (out.length > EDIT_LIMITS.maxMarkers)
      throw new EditParseError(`more than ${EDIT_LIMITS.maxMarkers} markers`, null, p);
  });
}

function speedOf(clip: Obj, fps: number, path: string): EditEvent["speed"] {
  for (const [i, e] of list(clip.effects, `${path}.effects`).entries()) {
    const fx = obj(e, `${path}.effects[${i}]`);
    const kind = schemaOf(fx);
    if (kind === "FreezeFrame") return { fps: 0, freeze: true };
    if (kind === "LinearTimeWarp") return { fps: Number(fx.time_scalar ?? 1) * fps, freeze: false };
  }
  return null;
}

function sourceFileOf(clip: Obj): string | null {
  const refs = isObj(clip.media_references) ? clip.media_references : null;
  const key =
    typeof clip.active_media_reference_key === "string" ? clip.active_media_reference_key : "DEFAULT_MEDIA";
  const ref = refs ? refs[key] : clip.media_reference;
  return isObj(ref) && typeof ref.target_url === "string" && ref.target_url ? ref.target_url : null;
}

function readTrack(
  track: Obj,
  name: string,
  fps: number,
  start: number,
  path: string,
  t: EditTimeline,
): void {
  let at = start;
  let pending: EditTransition | null = null;
  let number = 0;
  list(track.children, `${path}.children`).forEach((c, i) => {
    const p = `${path}.children[${i}]`;
    const item = obj(c, p);
    const kind = schemaOf(item);
    if (kind === "Transition") {
      const frames =
        time(item.in_offset, fps, `${p}.in_offset`) + time(item.out_offset, fps, `${p}.out_offset`);
      const code = String(item.transition_type ?? "SMPTE_Dissolve");
      pending = { kind: /wipe/i.test(code) ? TransitionKind.WIPE : TransitionKind.DISSOLVE, code, frames };
      return;
    }
    if (kind === "Stack" || kind === "Track")
      throw new EditParseError("nested stacks and tracks are not read; flatten the timeline first", null, p);
    if (kind !== "Clip" && kind !== "Gap")
      throw new EditParseError(`unknown item ${String(item.OTIO_SCHEMA)}`, null, p);
    const r = range(item.source_range, fps, `${p}.source_range`);
    if (kind === "Clip") {
      markersOf(item, at - r.start, fps, p, t.markers);
      const meta = isObj(item.metadata) && isObj(item.metadata.cmx_3600) ? item.metadata.cmx_3600 : {};
      t.events.push({
        number: ++number,
        tracks: [name],
        reel: typeof meta.reel === "string" ? meta.reel : null,
        clipName: typeof item.name === "string" ? item.name : null,
        sourceFile: sourceFileOf(item),
        sourceIn: r.start,
        sourceOut: r.start + r.duration,
        recordIn: at,
        recordOut: at + r.duration,
        transition: pending ?? { kind: TransitionKind.CUT, code: "C", frames: 0 },
        speed: speedOf(item, fps, p),
        comments: [],
        line: null,
      });
      if (t.events.length > EDIT_LIMITS.maxEvents)
        throw new EditParseError(`more than ${EDIT_LIMITS.maxEvents} clips`, null, p);
    }
    pending = null;
    at += r.duration;
  });
  markersOf(track, start, fps, path, t.markers);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String((e as Error).message));
    const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : null;
    throw new EditParseError(`not JSON (${(e as Error).message})`, line);
  }
}

/** Parses an .otio file; times are converted to frames at the file's rate (or the version's). */
export function readOtio(text: string, versionRate: FrameRate): EditTimeline {
  if (text.length > EDIT_LIMITS.maxChars)
    throw new EditParseError(`the file is longer than ${EDIT_LIMITS.maxChars} characters`);
  const root = obj(parseJson(text), "timeline");
  if (schemaOf(root) !== "Timeline")
    throw new EditParseError(
      `expected OTIO_SCHEMA Timeline.1, got ${String(root.OTIO_SCHEMA)}`,
      null,
      "timeline",
    );
  const fileFps =
    firstRate(root) ?? frameRateInfo(versionRate).numerator / frameRateInfo(versionRate).denominator;
  const rate = rateOf(fileFps, versionRate);
  const fps = frameRateInfo(rate).numerator / frameRateInfo(rate).denominator;
  const stack = obj(root.tracks, "tracks");
  const t: EditTimeline = {
    format: EditFormat.OTIO,
    name: String(root.name ?? ""),
    rate,
    events: [],
    markers: [],
    warnings: [],
  };
  // Record frames count from 00:00:00:00, as in an EDL: the timeline's start label is added.
  const start = root.global_start_time ? time(root.global_start_time, fps, "global_start_time") : 0;
  markersOf(stack, start, fps, "tracks", t.markers);
  const counts = { Video: 0, Audio: 0 };
  list(stack.children, "tracks.children").forEach((tr, i) => {
    const p = `tracks.children[${i}]`;
    const track = obj(tr, p);
    if (schemaOf(track) !== "Track") throw new EditParseError("the stack holds tracks only", null, p);
    const audio = track.kind === "Audio";
    const n = ++counts[audio ? "Audio" : "Video"];
    readTrack(track, audio ? `A${n}` : n === 1 ? "V" : `V${n}`, fps, start, p, t);
  });
  return t;
}
