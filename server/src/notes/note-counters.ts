import type { ClientSession, Types } from "mongoose";
import { runCommand } from "../events/command.js";
import { assertAcceptsNotesInTx, statusesAllowing } from "../versions/version.lifecycle.js";
import { VersionModel, type NoteCountsDoc } from "../versions/version.model.js";
import { NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";

/**
 * Per-version note counters (live and soft-deleted, by status), so `totalCount` and `noteCounts`
 * need no count scan: counting 10,000 notes costs the store ~50 ms, reading the version ~1 ms.
 * Each command bumps them with one atomic $inc in the transaction of its own write; `recountNotes`
 * rebuilds them (used after bulk loads).
 */
export type CounterDelta = {
  live?: Partial<Record<NoteStatus, number>>;
  deleted?: Partial<Record<NoteStatus, number>>;
};

export async function bumpNoteCounts(
  session: ClientSession,
  versionId: Types.ObjectId,
  delta: CounterDelta,
  options: { whileAcceptingNotes?: boolean } = {},
): Promise<void> {
  const inc: Record<string, number> = {};
  for (const part of ["live", "deleted"] as const) {
    for (const [status, n] of Object.entries(delta[part] ?? {}))
      if (n) inc[`noteCounts.${part}.${status}`] = n;
  }
  // Only versions counted from birth: bumping a legacy version would start its counters mid-way.
  if (Object.keys(inc).length > 0) {
    const filter: Record<string, unknown> = { _id: versionId, "noteCounts.live": { $exists: true } };
    // The transaction's "accepts notes" check folded into the write it makes anyway: one round
    // trip less per note. It reads the same snapshot the separate read did, and a lock committed
    // since conflicts on this very document.
    if (options.whileAcceptingNotes) filter.status = { $in: NOTE_TAKING_STATUSES };
    // The driver: the filter and $inc are already typed ObjectId and numbers, nothing to cast.
    const r = await VersionModel.collection.updateOne(filter, { $inc: inc }, { session });
    // Not matched: locked (CONFLICT, as the separate check says), or a legacy or missing version,
    // which the check lets through as before.
    if (options.whileAcceptingNotes && r.matchedCount === 0) await assertAcceptsNotesInTx(session, versionId);
  } else if (options.whileAcceptingNotes) await assertAcceptsNotesInTx(session, versionId);
}

const NOTE_TAKING_STATUSES = statusesAllowing("acceptsNotes");

/** Counts and stores in one transaction, so a note written meanwhile is in both or neither. */
export function recountNotes(versionId: Types.ObjectId): Promise<NoteCountsDoc> {
  return runCommand("notes/recount-notes", async ({ session }) => {
    const rows = await NoteModel.aggregate<{ _id: { status: NoteStatus; deleted: boolean }; n: number }>([
      { $match: { versionId } },
      { $group: { _id: { status: "$status", deleted: { $ne: ["$deletedAt", null] } }, n: { $sum: 1 } } },
    ]).session(session);
    const counts: NoteCountsDoc = { live: {}, deleted: {} };
    for (const r of rows) counts[r._id.deleted ? "deleted" : "live"][r._id.status] = r.n;
    await VersionModel.updateOne({ _id: versionId }, { $set: { noteCounts: counts } }, { session });
    return counts;
  });
}

/** Total for a status filter (or all statuses) from counters; null when the version has none. */
export function countFromCounters(
  counts: NoteCountsDoc | null | undefined,
  status: NoteStatus | null | undefined,
  includeDeleted: boolean,
): number | null {
  if (!counts) return null;
  const statuses = status ? [status] : Object.values(NoteStatus);
  let total = 0;
  for (const s of statuses) {
    total += counts.live?.[s] ?? 0;
    if (includeDeleted) total += counts.deleted?.[s] ?? 0;
  }
  return total;
}
