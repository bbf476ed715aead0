import {
  DEFAULT_FRAME_RATE,
  type FrameRate,
  fps,
  framesToTimecode,
  timecodeToFrames,
} from "@greenlight/common/timecode";
import type { ClientSession } from "mongoose";
import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import type { AnchorMapping } from "../notes/note-carry.model.js";
import type { AnchorDoc } from "../notes/note.model.js";
import type { VersionDoc } from "../versions/version.model.js";
import { conformRange, type ConformEdit } from "./conform.js";
import { convertFrames } from "./conform.rates.js";
import { CutEditModel } from "./cut-edit.model.js";
import type { EditEvent } from "./edit.timeline.js";

/** A cut version and its edit, when one is attached. */
export interface CutSide {
  version: Pick<VersionDoc, "number" | "frameRate" | "startTimecode" | "durationFrames">;
  edit: ConformEdit | null;
}

const rateOf = (s: CutSide): FrameRate => s.version.frameRate ?? DEFAULT_FRAME_RATE;
const startOf = (s: CutSide): number => timecodeToFrames(s.version.startTimecode ?? "00:00:00:00", rateOf(s));

function timeAnchor(side: CutSide, startFrame: number, endFrame: number, stem: AnchorDoc["stem"]): AnchorDoc {
  const rate = rateOf(side);
  const start = side.version.startTimecode ?? "00:00:00:00";
  return {
    type: "TIME",
    startFrame,
    endFrame,
    startTimecode: framesToTimecode(startFrame, rate, start),
    endTimecode: framesToTimecode(endFrame, rate, start),
    stem: stem ?? null,
  };
}

/** Without an edit on both versions: the same timecode, and the detail says which edit is missing. */
function byTimecode(prev: CutSide, next: CutSide, a: AnchorDoc): AnchorMapping {
  const missing = [prev.edit ? null : `v${prev.version.number}`, next.edit ? null : `v${next.version.number}`]
    .filter(Boolean)
    .join(" and ");
  const shift = (f: number) => convertFrames(startOf(prev) + f, rateOf(prev), rateOf(next)) - startOf(next);
  const s = Math.max(0, shift(a.startFrame ?? 0));
  const e = Math.max(s, shift(a.endFrame ?? a.startFrame ?? 0));
  return {
    anchor: timeAnchor(next, s, e, a.stem),
    outcome: CarryOutcome.UNCHANGED,
    method: CarryMethod.TIMECODE,
    detail: `no edit for ${missing}: kept the same timecode`,
  };
}

/**
 * Maps each TIME anchor of `prev` onto `next` through both edits (docs/conform.md), or by timecode
 * when either has none. Anchors are frames from each version's start; the edits count from
 * 00:00:00:00 at their own rate, which the conversions below bridge.
 */
export function mapCutAnchors(prev: CutSide, next: CutSide, anchors: readonly AnchorDoc[]): AnchorMapping[] {
  const pe = prev.edit;
  const ne = next.edit;
  if (!pe || !ne) return anchors.map((a) => byTimecode(prev, next, a));
  const sides = { prev: pe, next: ne, fps: { prev: fps(pe.rate), next: fps(ne.rate) } };
  const toPrevEdit = (f: number) => convertFrames(startOf(prev) + f, rateOf(prev), pe.rate);
  const fromNextEdit = (f: number) => convertFrames(f, ne.rate, rateOf(next)) - startOf(next);
  return anchors.map((a) => {
    const first = a.startFrame ?? 0;
    const last = Math.max(first, a.endFrame ?? first);
    const r = conformRange(sides, toPrevEdit(first), toPrevEdit(last) + 1);
    if (!r) {
      const kept = byTimecode(prev, next, a);
      return { ...kept, detail: `not on a shot of v${prev.version.number}'s edit: kept the same timecode` };
    }
    if (r.outcome === CarryOutcome.SHOT_REMOVED) {
      // The old timecode stays: the frame to look at in the previous version's media.
      const kept = byTimecode(prev, next, a).anchor;
      return {
        anchor: kept,
        outcome: r.outcome,
        method: CarryMethod.EDIT,
        detail: `${r.detail} (v${prev.version.number} at ${a.startTimecode || kept.startTimecode})`,
      };
    }
    const s = Math.max(0, fromNextEdit(r.recordIn));
    const e = Math.max(s, fromNextEdit(r.recordOut - 1));
    return {
      anchor: timeAnchor(next, s, e, a.stem),
      outcome: r.outcome,
      method: CarryMethod.EDIT,
      detail: r.detail,
    };
  });
}

async function sideOf(version: VersionDoc, session: ClientSession): Promise<CutSide> {
  const doc = await CutEditModel.findOne({ versionId: version._id }, { events: 1, rate: 1 })
    .session(session)
    .lean();
  return { version, edit: doc ? { events: doc.events as EditEvent[], rate: doc.rate as FrameRate } : null };
}

/** The CUT mapper for versions/carry-notes.ts (registered by app/): reads both edits in the transaction. */
export async function cutAnchorMapper(
  previous: VersionDoc,
  next: VersionDoc,
  anchors: readonly AnchorDoc[],
  session: ClientSession,
): Promise<AnchorMapping[]> {
  // One operation at a time: a transaction's session runs its operations in order.
  const prev = await sideOf(previous, session);
  const nxt = await sideOf(next, session);
  return mapCutAnchors(prev, nxt, anchors);
}
