import { type ClientSession, Types } from "mongoose";
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
import { conflict } from "../errors/app-errors.js";
import { type VersionDoc, VersionModel } from "./version.model.js";

/**
 * Maps every anchor of `previous` onto `next`, one mapping per anchor in order; one mapper per asset
 * kind. It may read (e.g. the cuts' edits) in the caller's transaction through `session`.
 */
export type AnchorMapper = (
  previous: VersionDoc,
  next: VersionDoc,
  anchors: readonly AnchorDoc[],
  session: ClientSession,
) => AnchorMapping[] | Promise<AnchorMapping[]>;

const scriptMapper: AnchorMapper = (previous, next, anchors) => {
  const d = diffScripts(previous.text ?? "", next.text ?? "");
  return anchors.map((a) => remapScriptSpan(d, { lineStart: a.lineStart ?? 1, lineEnd: a.lineEnd ?? 1 }));
};

/**
 * SCRIPT is mapped here; the others are a port: the cut conform lives in edits/, a later domain
 * than versions/, so app/carry-mappers.ts registers it (and the mix's) at start-up.
 */
const MAPPERS: Partial<Record<AssetKind, AnchorMapper>> = { [AssetKind.SCRIPT]: scriptMapper };

export function registerAnchorMapper(kind: AssetKind, mapper: AnchorMapper): void {
  MAPPERS[kind] = mapper;
}

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
  // A "still applies" given on this version stays with the note when its place is mapped again.
  const confirmed = new Map<string, Pick<NoteCarryDoc, "confirmedBy" | "confirmedAt">>();
  if (run > 1) {
    const kept = await NoteCarryModel.find(
      { versionId: next._id, current: true, confirmedAt: { $ne: null } },
      { noteId: 1, confirmedBy: 1, confirmedAt: 1 },
    )
      .session(tx.session)
      .lean();
    for (const k of kept)
      confirmed.set(String(k.noteId), { confirmedBy: k.confirmedBy, confirmedAt: k.confirmedAt });
    await NoteCarryModel.updateMany(
      { versionId: next._id, current: true },
      { $set: { current: false } },
      { session: tx.session },
    );
  }
  if (sources.length === 0) return [];
  const mapped = await mapper(
    previous,
    next,
    sources.map((s) => s.anchor),
    tx.session,
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
      confirmedBy: confirmed.get(String(s.noteId))?.confirmedBy ?? null,
      confirmedAt: confirmed.get(String(s.noteId))?.confirmedAt ?? null,
    };
  });
  // The driver, as addNote does: the documents are complete and typed above.
  await NoteCarryModel.collection.insertMany(docs, { ordered: true, session: tx.session });
  return docs.map((d) => ({
    type: EventType.NOTE_CARRIED,
    noteId: d.noteId,
    versionId: d.versionId,
    carryId: d._id,
    carryOutcome: d.outcome,
    carryMethod: d.method,
  }));
}

/**
 * Runs the carry into `version` from the version before it again, as run n+1 (carryNotes, and
 * attachEdit when a cut's edit changes). Only into the latest version: a later one was carried from
 * this one's current placements. Returns the NOTE_CARRIED events to record.
 */
export async function recarryInto(
  tx: CommandTx,
  version: VersionDoc,
  actorId: Types.ObjectId,
): Promise<EventDraft[]> {
  // One operation at a time: a transaction's session runs its operations in order.
  const latest = await VersionModel.findOne({ assetId: version.assetId }, { number: 1 })
    .sort({ number: -1 })
    .session(tx.session)
    .lean();
  const previous = await VersionModel.findOne({ assetId: version.assetId, number: version.number - 1 })
    .session(tx.session)
    .lean<VersionDoc>();
  const lastRun = await NoteCarryModel.findOne({ versionId: version._id }, { run: 1 })
    .sort({ run: -1 })
    .session(tx.session)
    .lean();
  if (latest && latest.number !== version.number) {
    throw conflict(`Version ${latest.number} was added since; only the latest version can be re-mapped.`);
  }
  if (!previous) throw new Error(`recarryInto: version ${version.number - 1} of the asset is missing`);
  return carryOpenNotes(tx, previous, version, actorId, (lastRun?.run ?? 0) + 1);
}
