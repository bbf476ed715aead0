import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { AssetKind } from "../assets/asset.enums.js";
import { badInput } from "../errors/app-errors.js";
import { NoteModel } from "../notes/note.model.js";
import { DEFAULT_FRAME_RATE } from "@greenlight/common/timecode";
import type { Version } from "../versions/version.type.js";
import { toAvidTxt } from "./avid-txt.js";
import { toCmx3600 } from "./cmx3600.js";
import { toCsvSliced } from "./csv.js";
import { toFcp7Xml } from "./fcp7-xml.js";
import type { ExportMarkersArgs } from "./marker.args.js";
import { MarkerFormat } from "./marker.enums.js";
import type { MarkerNote, MarkerSource } from "./marker.types.js";
import { toOtio } from "./otio.js";
import { resolveParts, toResolveEdl } from "./resolve-edl.js";

/** Markers exported at once; editing systems choke on more anyway. */
export const MAX_MARKERS = 5000;

type Options = Pick<ExportMarkersArgs, "part" | "excel" | "avidColumns">;

const RENDER: Record<MarkerFormat, (src: MarkerSource, o: Options) => string | Promise<string>> = {
  [MarkerFormat.CMX3600_EDL]: (src) => toCmx3600(src),
  [MarkerFormat.RESOLVE_EDL]: (src, o) => toResolveEdl(src, o.part),
  [MarkerFormat.AVID_TXT]: (src, o) => toAvidTxt(src, o.avidColumns === 8 ? 8 : 6),
  [MarkerFormat.FCP7_XML]: (src) => toFcp7Xml(src),
  [MarkerFormat.CSV]: (src, o) => toCsvSliced(src, { excel: o.excel }),
  [MarkerFormat.OTIO]: (src) => toOtio(src),
};

function validateOptions(format: MarkerFormat, o: Options, parts: () => number): void {
  if (o.avidColumns !== 6 && o.avidColumns !== 8) throw badInput("avidColumns must be 6 or 8.");
  if (format !== MarkerFormat.RESOLVE_EDL && o.part !== 1)
    throw badInput("part applies to RESOLVE_EDL only.");
  const total = parts();
  if (!Number.isInteger(o.part) || o.part < 1 || o.part > total) {
    throw badInput(`part must be between 1 and ${total} (exportMarkerParts).`);
  }
}

/** The version's live notes in time order with replies folded in, as the writers take them. */
export async function markerSource(ctx: Context, version: Version): Promise<MarkerSource> {
  if (version.kind === AssetKind.SCRIPT) throw badInput("Markers are exported from cuts and mixes only.");
  const [notes, asset] = await Promise.all([
    NoteModel.find({ versionId: new Types.ObjectId(version.id), deletedAt: null })
      .sort({ _id: 1 })
      .limit(MAX_MARKERS)
      .lean(),
    ctx.loaders.assetById.load(version.assetId),
  ]);
  // Stable: notes on one frame keep the order they were written in.
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
      id: String(n._id),
      index: i + 1,
      startFrame: n.anchor.startFrame ?? 0,
      endFrame: n.anchor.endFrame ?? n.anchor.startFrame ?? 0,
      status: n.status,
      author: nameOf(n.authorId),
      category: n.category ?? null,
      stem: version.kind === AssetKind.MIX ? (n.anchor.stem ?? null) : null,
      body: n.body,
      drawingShapes: n.drawing?.shapes?.length ?? 0,
      replies: Array.isArray(thread) ? thread.map((r) => ({ author: nameOf(r.authorId), body: r.body })) : [],
    };
  });
  return {
    title: `${asset?.title ?? "Untitled"} v${version.number}`,
    kind: version.kind === AssetKind.MIX ? "MIX" : "CUT",
    rate: version.frameRate ?? DEFAULT_FRAME_RATE,
    startTimecode: version.startTimecode ?? "00:00:00:00",
    durationFrames: version.durationFrames,
    mediaUrl: version.mediaUrl,
    notes: markerNotes,
  };
}

/** Version.exportMarkers. */
export async function exportMarkers(
  ctx: Context,
  version: Version,
  args: ExportMarkersArgs,
): Promise<string> {
  const src = await markerSource(ctx, version);
  validateOptions(args.format, args, () =>
    args.format === MarkerFormat.RESOLVE_EDL ? resolveParts(src.notes) : 1,
  );
  return RENDER[args.format](src, args);
}

/** Version.exportMarkerParts: files the format takes (RESOLVE_EDL: 999 markers each; others 1). */
export async function exportMarkerParts(
  _ctx: Context,
  version: Version,
  format: MarkerFormat,
): Promise<number> {
  if (version.kind === AssetKind.SCRIPT) throw badInput("Markers are exported from cuts and mixes only.");
  if (format !== MarkerFormat.RESOLVE_EDL) return 1;
  const notes = await NoteModel.find(
    { versionId: new Types.ObjectId(version.id), deletedAt: null },
    { anchor: 1 },
  )
    .limit(MAX_MARKERS)
    .lean();
  return resolveParts(notes.map((n) => ({ startFrame: n.anchor.startFrame ?? 0 })));
}
