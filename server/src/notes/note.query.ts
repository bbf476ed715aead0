import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { parseId } from "../core/ids.js";
import { Role } from "../productions/production.enums.js";
import { NoteCounts, type Version } from "../versions/version.type.js";
import { NoteConnection, NoteEdge, PageInfo } from "./note-connection.type.js";
import { decodeNoteCursor, encodeNoteCursor } from "./note.cursor.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";
import { countFromCounters } from "./note-counters.js";
import { toNote } from "./note.type.js";

export const NOTES_DEFAULT_FIRST = 50;
export const NOTES_MAX_FIRST = 200;

export interface NoteFilters {
  status?: NoteStatus | null;
  category?: NoteCategory | null;
  authorId?: string | null;
  role?: Role | null;
  assigneeId?: string | null;
  /** Notes the viewer wrote, is assigned, or is mentioned in (by name). */
  mine?: boolean | null;
  includeDeleted?: boolean | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The Mongo filter for a version's notes; ids that cannot exist simply match nothing. */
export function noteFilter(scope: Record<string, unknown>, f: NoteFilters, viewerId: string | null) {
  const q: Record<string, unknown> = { ...scope };
  if (!f.includeDeleted) q.deletedAt = null;
  if (f.status) q.status = f.status;
  if (f.category) q.category = f.category;
  if (f.role) q.authorRole = f.role;
  const never = new Types.ObjectId("000000000000000000000000");
  if (f.authorId != null) q.authorId = parseId(f.authorId) ?? never;
  if (f.assigneeId != null) q.assigneeId = parseId(f.assigneeId) ?? never;
  if (f.mine && viewerId) {
    const me = new Types.ObjectId(viewerId);
    q.$or = [{ authorId: me }, { assigneeId: me }, { "mentions.userId": me }];
  }
  return q;
}

export function validateFirst(first: number | null | undefined): number {
  const n = first ?? NOTES_DEFAULT_FIRST;
  if (!Number.isInteger(n) || n < 1 || n > NOTES_MAX_FIRST) {
    throw badInput(`first must be between 1 and ${NOTES_MAX_FIRST}.`, { first: "out of range" });
  }
  return n;
}

/**
 * One page, oldest first: the page and its total are two queries run in parallel, plus one
 * lookup to check an `after` cursor names a note in the same scope (unknown -> BAD_USER_INPUT).
 */
export async function pageNotes(
  ctx: Context,
  filter: Record<string, unknown>,
  inScope: (note: { versionId: Types.ObjectId; assetId: Types.ObjectId }) => boolean,
  page: PageArgs,
  knownTotal: number | null = null,
): Promise<NoteConnection> {
  const first = validateFirst(page.first);
  let afterId: Types.ObjectId | null = null;
  if (page.after != null) {
    afterId = decodeNoteCursor(page.after);
    const anchorNote = afterId ? await ctx.loaders.noteById.load(String(afterId)) : null;
    if (!anchorNote || !inScope(anchorNote))
      throw badInput(`Unknown cursor "${page.after}".`, { after: "unknown cursor" });
  }
  const pageFilter = afterId ? { ...filter, _id: { $gt: afterId } } : filter;
  const [docs, totalCount] = await Promise.all([
    NoteModel.find(pageFilter)
      .sort({ _id: 1 })
      .limit(first + 1)
      .lean(),
    knownTotal ?? NoteModel.countDocuments(filter),
  ]);
  const hasNextPage = docs.length > first;
  const edges = docs.slice(0, first).map((d) => {
    ctx.loaders.noteById.prime(String(d._id), d);
    return Object.assign(new NoteEdge(), { cursor: encodeNoteCursor(String(d._id)), node: toNote(d) });
  });
  return Object.assign(new NoteConnection(), {
    edges,
    totalCount,
    pageInfo: Object.assign(new PageInfo(), { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
  });
}

export async function versionNotes(
  ctx: Context,
  version: Pick<Version, "id" | "counters">,
  filters: NoteFilters,
  page: PageArgs,
): Promise<NoteConnection> {
  const vid = new Types.ObjectId(version.id);
  const filter = noteFilter({ versionId: vid }, filters, ctx.viewer?.userId ?? null);
  // The contract's filter (status) and includeDeleted are answered by the version's counters.
  const countersSuffice =
    !filters.category && !filters.authorId && !filters.role && !filters.assigneeId && !filters.mine;
  const known = countersSuffice
    ? countFromCounters(version.counters, filters.status, !!filters.includeDeleted)
    : null;
  return pageNotes(ctx, filter, (n) => n.versionId.equals(vid), page, known);
}

/** OPEN and IN_PROGRESS notes of every earlier version of the same asset. */
export async function openNotesFromPrevious(
  ctx: Context,
  version: { assetId: string; number: number },
  page: PageArgs,
): Promise<NoteConnection> {
  const versions = await ctx.loaders.versionsByAssetId.load(version.assetId);
  const earlier = versions.filter((v) => v.number < version.number).map((v) => v._id);
  const filter = {
    versionId: { $in: earlier },
    deletedAt: null,
    status: { $in: [NoteStatus.OPEN, NoteStatus.IN_PROGRESS] },
  };
  const earlierSet = new Set(earlier.map(String));
  const counted = versions.filter((v) => v.number < version.number).map((v) => v.noteCounts);
  const known = counted.every((c) => c?.live)
    ? counted.reduce((sum, c) => sum + (c?.live?.OPEN ?? 0) + (c?.live?.IN_PROGRESS ?? 0), 0)
    : null;
  return pageNotes(ctx, filter, (n) => earlierSet.has(String(n.versionId)), page, known);
}

/** Counts per status of a version's live notes: from its counters, else one aggregation. */
export async function noteCounts(version: Pick<Version, "id" | "counters">): Promise<NoteCounts> {
  const rows = version.counters
    ? Object.entries(version.counters.live ?? {}).map(([status, n]) => ({
        _id: status as NoteStatus,
        n: n ?? 0,
      }))
    : await NoteModel.aggregate<{ _id: NoteStatus; n: number }>([
        { $match: { versionId: new Types.ObjectId(version.id), deletedAt: null } },
        { $group: { _id: "$status", n: { $sum: 1 } } },
      ]);
  const by = new Map(rows.map((r) => [r._id, r.n]));
  const open = by.get(NoteStatus.OPEN) ?? 0;
  const inProgress = by.get(NoteStatus.IN_PROGRESS) ?? 0;
  const resolved = by.get(NoteStatus.RESOLVED) ?? 0;
  const wontFix = by.get(NoteStatus.WONT_FIX) ?? 0;
  return Object.assign(new NoteCounts(), {
    total: open + inProgress + resolved + wontFix,
    open,
    inProgress,
    resolved,
    wontFix,
  });
}
