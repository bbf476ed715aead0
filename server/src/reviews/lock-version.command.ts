import { type ClientSession, Types } from "mongoose";
import type { Context } from "../core/context.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { NoteStatus } from "../notes/note.enums.js";
import { NoteModel } from "../notes/note.model.js";
import { VersionModel, type VersionDoc } from "../versions/version.model.js";
import { VersionStatus } from "../versions/version.enums.js";
import { requireVersion } from "../versions/version.service.js";
import type { Version } from "../versions/version.type.js";
import { LockOpenNotes } from "./review.enums.js";
import { canLock } from "./review.policy.js";
import { refresh, statusChanged } from "./review.service.js";
import { statusesAllowing, transition } from "../versions/version.lifecycle.js";

const STILL_OPEN = [NoteStatus.OPEN, NoteStatus.IN_PROGRESS];

/**
 * The version's open notes closed as won't-fix, with their counters and one NOTE_STATUS_CHANGED
 * each, inside the lock's transaction (so a note is never closed by a lock that did not happen).
 * Written here with the note model, since reviews may not import the notes commands (peers).
 */
async function closeOpenNotes(session: ClientSession, version: VersionDoc, by: Types.ObjectId, at: Date) {
  const open = await NoteModel.find(
    { versionId: version._id, status: { $in: STILL_OPEN }, deletedAt: null },
    { _id: 1, status: 1 },
  )
    .session(session)
    .lean();
  if (open.length === 0) return [];
  await NoteModel.updateMany(
    { _id: { $in: open.map((n) => n._id) } },
    {
      $set: {
        status: NoteStatus.WONT_FIX,
        statusChangedBy: by,
        statusChangedAt: at,
        statusChangedIn: version._id,
        updatedAt: at,
      },
    },
    { session },
  );
  const inc: Record<string, number> = { [`noteCounts.live.${NoteStatus.WONT_FIX}`]: open.length };
  for (const n of open) inc[`noteCounts.live.${n.status}`] = (inc[`noteCounts.live.${n.status}`] ?? 0) - 1;
  await VersionModel.collection.updateOne(
    { _id: version._id, "noteCounts.live": { $exists: true } },
    { $inc: inc },
    { session },
  );
  return open.map(
    (n) => ({ type: EventType.NOTE_STATUS_CHANGED, noteId: n._id, versionId: version._id }) as const,
  );
}

/**
 * Picture, script or mix lock: APPROVED -> LOCKED, by the showrunner. A lock is final. Open notes
 * are carried to the next version (default) or closed as won't-fix in the same transaction.
 */
export async function lockVersionCommand(
  ctx: Context,
  versionId: string,
  openNotes: LockOpenNotes = LockOpenNotes.CARRY,
): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canLock(member)) throw forbidden("Only the showrunner can lock a version.");
  if (version.status !== VersionStatus.APPROVED)
    throw conflict(`A ${version.status} version cannot be locked.`);
  const by = new Types.ObjectId(member.userId);
  const updated = await runCommand("reviews/lock-version", async (tx) => {
    // Notes first, so the version read back by the transition has their counters.
    const closed =
      openNotes === LockOpenNotes.WONT_FIX ? await closeOpenNotes(tx.session, version, by, new Date()) : [];
    const doc = await transition(tx.session, version, statusesAllowing("lock"), VersionStatus.LOCKED, by);
    if (!doc) throw conflict("The version's status changed meanwhile; reload and try again.");
    await recordEvents(tx, version.productionId, by, [
      ...closed,
      statusChanged(version, VersionStatus.LOCKED),
    ]);
    return doc;
  });
  ctx.loaders.versionById.clear(String(version._id));
  return refresh(ctx, updated);
}
