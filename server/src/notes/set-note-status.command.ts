import { assertAcceptsNotesInTx, noteChangeRoom } from "../versions/version.lifecycle.js";
import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { assertNotDeleted, requireNote, roomVersion } from "./note.access.js";
import type { NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";
import { bumpNoteCounts } from "./note-counters.js";
import { canSetNoteStatus } from "./note.policy.js";
import { type Note, toNote } from "./note.type.js";

/**
 * Records who changed the status, when, and in which version's room: the note's own, or
 * `inVersionId`, a later version of its asset (a note carried over, closed where the work went on,
 * even once its own version is locked; the rule is versions/version.lifecycle.ts noteChangeRoom).
 * The event goes to that room's stream. Setting the status a note already has changes nothing and
 * records no event; the conditional update makes that hold under concurrency too.
 */
export async function setNoteStatusCommand(
  ctx: Context,
  noteId: string,
  status: NoteStatus,
  inVersionId: string | null = null,
): Promise<Note> {
  const { note, version, member } = await requireNote(ctx, noteId);
  const asked = inVersionId == null ? null : await roomVersion(ctx, inVersionId, note.productionId);
  if (!canSetNoteStatus(member, { authorId: String(note.authorId) }, version.kind)) {
    throw forbidden(
      "Only the author, the showrunner, a producer or the kind's maker can change a note's status.",
    );
  }
  assertNotDeleted(note);
  const room = noteChangeRoom(version, asked);
  if (note.status === status) return toNote(note);
  const now = new Date();
  const by = new Types.ObjectId(member.userId);
  const set = {
    status,
    statusChangedBy: by,
    statusChangedAt: now,
    statusChangedIn: room._id,
    updatedAt: now,
  };
  const updated = await runCommand("notes/set-note-status", async (tx) => {
    // Again in the transaction: a lock of the room committed since the check above refuses it (CONFLICT).
    await assertAcceptsNotesInTx(tx.session, room._id);
    // "before" tells the status actually left, which the counters need under concurrency.
    const before = await NoteModel.findOneAndUpdate(
      { _id: note._id, status: { $ne: status }, deletedAt: null },
      { $set: set },
      { returnDocument: "before", session: tx.session },
    ).lean();
    if (!before) return null;
    await bumpNoteCounts(tx.session, note.versionId, { live: { [before.status]: -1, [status]: 1 } });
    await recordEvents(tx, note.productionId, by, [
      { type: EventType.NOTE_STATUS_CHANGED, noteId: note._id, versionId: room._id },
    ]);
    return { ...before, ...set };
  });
  if (!updated) {
    const current = await NoteModel.findById(note._id).lean();
    return toNote(current ?? note);
  }
  ctx.loaders.versionById.clear(String(note.versionId));
  ctx.loaders.noteById.clear(noteId).prime(noteId, updated);
  return toNote(updated);
}
