import { assertAcceptsNotes, assertAcceptsNotesInTx } from "../versions/version.lifecycle.js";
import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { requireNote } from "./note.access.js";
import { NoteModel } from "./note.model.js";
import { bumpNoteCounts } from "./note-counters.js";
import { canDeleteNote } from "./note.policy.js";
import { type Note, toNote } from "./note.type.js";

/** Soft delete: the note stays readable (events point at it) but leaves lists by default. */
export async function deleteNoteCommand(ctx: Context, noteId: string): Promise<Note> {
  const { note, version, member } = await requireNote(ctx, noteId);
  if (!canDeleteNote(member, { authorId: String(note.authorId) })) {
    throw forbidden("Only the author or the showrunner can delete a note.");
  }
  assertAcceptsNotes(version);
  if (note.deletedAt) return toNote(note);
  const now = new Date();
  const by = new Types.ObjectId(member.userId);
  const updated = await runCommand("notes/delete-note", async (tx) => {
    // Again in the transaction: a lock committed since the check above refuses it (CONFLICT).
    await assertAcceptsNotesInTx(tx.session, version._id);
    // "before" tells the status the note had, which the counters need under concurrency.
    const before = await NoteModel.findOneAndUpdate(
      { _id: note._id, deletedAt: null },
      { $set: { deletedAt: now, deletedBy: by, updatedAt: now } },
      { returnDocument: "before", session: tx.session },
    ).lean();
    if (!before) return null; // deleted concurrently; that command recorded the event
    await bumpNoteCounts(tx.session, note.versionId, {
      live: { [before.status]: -1 },
      deleted: { [before.status]: 1 },
    });
    await recordEvents(tx, note.productionId, by, [
      { type: EventType.NOTE_DELETED, noteId: note._id, versionId: note.versionId },
    ]);
    return { ...before, deletedAt: now, deletedBy: by, updatedAt: now };
  });
  if (!updated) return toNote(note);
  ctx.loaders.versionById.clear(String(note.versionId));
  ctx.loaders.noteById.clear(noteId).prime(noteId, updated);
  return toNote(updated);
}
