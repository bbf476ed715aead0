import type { ClientSession, Types } from "mongoose";
import type { AnchorMapping } from "../notes/note-carry.model.js";
import type { AnchorDoc } from "../notes/note.model.js";
import { type VersionDoc, VersionModel } from "../versions/version.model.js";
import { type CutSide, mapCutAnchors } from "./conform-mapper.js";
import { CutEditModel } from "./cut-edit.model.js";
import type { EditEvent } from "./edit.timeline.js";
import type { FrameRate } from "@greenlight/common/timecode";

interface Picture {
  number: number;
  edit: CutSide["edit"];
}

async function pictureOf(id: Types.ObjectId, session: ClientSession): Promise<Picture | null> {
  // One operation at a time: a transaction's session runs its operations in order.
  const cut = await VersionModel.findById(id, { number: 1 }).session(session).lean();
  if (!cut) return null;
  const doc = await CutEditModel.findOne({ versionId: id }, { events: 1, rate: 1 }).session(session).lean();
  return {
    number: cut.number,
    edit: doc ? { events: doc.events as EditEvent[], rate: doc.rate as FrameRate } : null,
  };
}

/** Timecode mapping (the mixes' own timing), saying why the picture could not be followed. */
function kept(
  prev: VersionDoc,
  next: VersionDoc,
  anchors: readonly AnchorDoc[],
  why: string,
): AnchorMapping[] {
  return mapCutAnchors({ version: prev, edit: null }, { version: next, edit: null }, anchors).map((m) => ({
    ...m,
    detail: `${why}: kept the same timecode`,
  }));
}

/**
 * The MIX mapper (registered by app/): mixes follow picture. Each mix names the cut it was mixed
 * against; a mix note's frames go through the two cuts' edits exactly as a cut note's do
 * (docs/conform.md), counted on the mixes' own timing (an edit's record side is timecode, so a mix
 * with its own start or rate lines up). Without a picture or an edit on either side, the same
 * timecode, and the detail says what was missing.
 */
export async function mixAnchorMapper(
  previous: VersionDoc,
  next: VersionDoc,
  anchors: readonly AnchorDoc[],
  session: ClientSession,
): Promise<AnchorMapping[]> {
  const noPicture = [previous, next].filter((v) => !v.pictureVersionId).map((v) => `mix v${v.number}`);
  if (!previous.pictureVersionId || !next.pictureVersionId) {
    return kept(previous, next, anchors, `no picture version for ${noPicture.join(" and ")}`);
  }
  const from = await pictureOf(previous.pictureVersionId, session);
  const to = await pictureOf(next.pictureVersionId, session);
  if (!from || !to) return kept(previous, next, anchors, "a picture version is missing");
  if (from.number === to.number) return kept(previous, next, anchors, `same picture (cut v${to.number})`);
  const noEdit = [from, to].filter((p) => !p.edit).map((p) => `cut v${p.number}`);
  if (noEdit.length) return kept(previous, next, anchors, `no edit for ${noEdit.join(" and ")}`);
  const follows = `follows picture: cut v${from.number} → v${to.number}`;
  return mapCutAnchors({ version: previous, edit: from.edit }, { version: next, edit: to.edit }, anchors).map(
    (m) => ({ ...m, detail: m.detail ? `${m.detail}; ${follows}` : follows }),
  );
}
