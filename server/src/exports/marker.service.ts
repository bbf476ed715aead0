import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { AssetKind } from "../assets/asset.enums.js";
import { badInput } from "../errors/app-errors.js";
import { NoteModel } from "../notes/note.model.js";
import { DEFAULT_FRAME_RATE } from "@greenlight/common/timecode";
import type { Version } from "../versions/version.type.js";
import { MarkerFormat } from "./marker.enums.js";
import {
  type MarkerNote,
  type MarkerSource,
  toAvidTxt,
  toCmx3600,
  toCsv,
  toFcp7Xml,
  toResolveEdl,
} from "./markers.js";

/** Markers exported at once; editing systems choke on more anyway. */
export const MAX_MARKERS = 5000;

const RENDER: Record<MarkerFormat, (src: MarkerSource) => string> = {
  [MarkerFormat.CMX3600_EDL]: toCmx3600,
  [MarkerFormat.RESOLVE_EDL]: toResolveEdl,
  [MarkerFormat.AVID_TXT]: toAvidTxt,
  [MarkerFormat.FCP7_XML]: toFcp7Xml,
  [MarkerFormat.CSV]: toCsv,
};

/** Version.exportMarkers: the version's live notes in time order, replies folded in. */
export async function exportMarkers(ctx: Context, version: Version, format: MarkerFormat): Promise<string> {
  if (version.kind === AssetKind.SCRIPT) throw badInput("Markers are exported from cuts and mixes only.");
  const [notes, asset] = await Promise.all([
    NoteModel.find({ versionId: new Types.ObjectId(version.id), deletedAt: null })
      .sort({ _id: 1 })
      .limit(MAX_MARKERS)
      .lean(),
    ctx.loaders.assetById.load(version.assetId),
  ]);
  notes.sort((a, b) => (a.anchor.startFrame ?? 0) - (b.anchor.startFrame ?? 0));
  const threads = await ctx.loaders.repliesByNoteId.loadMany(notes.map((n) => String(n._id)));
  const authorIds = new Set<string>(notes.map((n) => String(n.authorId)));
  for (const t of threads) if (Array.isArray(t)) for (const r of t) authorIds.add(String(r.authorId));
  const users = await ctx.loaders.userById.loadMany([...authorIds]);
  const names = new Map<string, string>();
  for (const u of users) if (u && !(u instanceof Error)) names.set(u.id, u.name);
  const nameOf = (id: unknown) => names.get(String(id)) ?? "Unknown";
  const markerNotes: MarkerNote[] = notes.map((n, i) => {
    const thread = threads[i];
    return {
      index: i + 1,
      startFrame: n.anchor.startFrame ?? 0,
      endFrame: n.anchor.endFrame ?? n.anchor.startFrame ?? 0,
      status: n.status,
      author: nameOf(n.authorId),
      category: n.category ?? null,
      body: n.body,
      replies: Array.isArray(thread) ? thread.map((r) => ({ author: nameOf(r.authorId), body: r.body })) : [],
    };
  });
  return RENDER[format]({
    title: `${asset?.title ?? "Untitled"} v${version.number}`,
    rate: version.frameRate ?? DEFAULT_FRAME_RATE,
    startTimecode: version.startTimecode ?? "00:00:00:00",
    durationFrames: version.durationFrames,
    track: version.kind === AssetKind.MIX ? "A1" : "V1",
    notes: markerNotes,
  });
}
