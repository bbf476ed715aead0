import { Types } from "mongoose";
import { AssetKind } from "../assets/asset.enums.js";
import type { CommandTx } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import type { EventDraft } from "../events/event.service.js";
import type { AnchorMapping, NoteCarryDoc } from "../notes/note-carry.model.js";
import { NoteCarryModel } from "../notes/note-carry.model.js";
import { NoteStatus } from "../notes/note.enums.js";
import { type AnchorDoc, NoteModel } from "../notes/note.model.js";
import { diffScripts } from "./script-diff.js";
import { remapScriptSpan } from "./script-remap.js";
import type { VersionDoc } from "./version.model.js";

/** Maps every anchor of `previous` onto `next`; one mapper per asset kind. */
export type AnchorMapper = (
  previous: VersionDoc,
  next: VersionDoc,
  anchors: readonly AnchorDoc[],
) => AnchorMapping[];

const scriptMapper: AnchorMapper = (previous, next, anchors) => {
  const d = diffScripts(previous.text ?? "", next.text ?? "");
  return anchors.map((a) => remapScriptSpan(d, { lineStart: a.lineStart ?? 1, lineEnd: a.lineEnd ?? 1 }));
};

/**
 * SCRIPT only for now: cuts and mixes keep showing earlier notes through openNotesFromPrevious until
 * the conform (issue #16 part 2) adds its mapper here.
 */
const MAPPERS: Partial<Record<AssetKind, AnchorMapper>> = { [AssetKind.SCRIPT]: scriptMapper };

export const canCarry = (kind: AssetKind): boolean => MAPPERS[kind] !== undefined;

const OPEN = [NoteStatus.OPEN, NoteStatus.IN_PROGRESS];

interface Source {
  noteId: Types.ObjectId;
  anchor: AnchorDoc;
}

/**
 * The open notes standing on `previous`: its own, and those carried into it (at the place they
 * were carried to), each once.
 */
async function openNotesOn(tx: CommandTx, previous: VersionDoc): Promise<Source[]> {
  // One operation at a time: a transaction's session runs its operations in order.
  const own = await NoteModel.find(
    { versionId: previous._id, deletedAt: null, status: { $in: OPEN } },
    { anchor: 1 },
  )
    .sort({ _id: 1 })
    .session(tx.session)
    .lean();
  const carried = await NoteCarryModel.find(
    { versionId: previous._id, current: true },
    { noteId: 1, anchor: 1 },
  )
    .sort({ _id: 1 })
    .session(tx.session)
    .lean();
  const stillOpen = carried.length
    ? await NoteModel.find(
        { _id: { $in: carried.map((c) => c.noteId) }, deletedAt: null, status: { $in: OPEN } },
        { _id: 1 },
      )
        .session(tx.session)
        .lean()
    : [];
  const open = new Set(stillOpen.map((n) => String(n._id)));
  return [
    ...own.map((n) => ({ noteId: n._id, anchor: n.anchor })),
    ...carried.filter((c) => open.has(String(c.noteId))).map((c) => ({ noteId: c.noteId, anchor: c.anchor })),
  ];
}

/**
 * Carries the open notes of `previous` into `next` inside the caller's transaction (addVersion, or
 * a re-run by carryNotes): writes run `run` of the carries, retires earlier runs, and returns one
 * NOTE_CARRIED event per note for the caller to record with its own events.
 */
export async function carryOpenNotes(
  tx: CommandTx,
  previous: VersionDoc,
  next: VersionDoc,
  actorId: Types.ObjectId,
  run: number,
): Promise<EventDraft[]> {
  const mapper = MAPPERS[next.kind];
  if (!mapper) return [];
  const sources = await openNotesOn(tx, previous);
  if (run > 1) {
    await NoteCarryModel.updateMany(
      { versionId: next._id, current: true },
      { $set: { current: false } },
      { session: tx.session },
    );
  }
  if (sources.length === 0) return [];
  const mapped = mapper(
    previous,
    next,
    sources.map((s) => s.anchor),
  );
  const now = new Date();
  const docs: NoteCarryDoc[] = sources.map((s, i) => {
    const m = mapped[i];
    if (!m) throw new Error("carryOpenNotes: the mapper returned fewer mappings than anchors");
    return {
      _id: new Types.ObjectId(),
      productionId: next.productionId,
      assetId: next.assetId,
      noteId: s.noteId,
      fromVersionId: previous._id,
      versionId: next._id,
      previousAnchor: s.anchor,
      ...m,
      run,
      current: true,
      createdBy: actorId,
      createdAt: now,
    };
  });
  // The driver, as addNote does: the documents are complete and typed above.
  await NoteCarryModel.collection.insertMany(docs, { ordered: true, session: tx.session });
  return docs.map((d) => ({
    type: EventType.NOTE_CARRIED,
    noteId: d.noteId,
    versionId: d.versionId,
    carryId: d._id,
  }));
}
