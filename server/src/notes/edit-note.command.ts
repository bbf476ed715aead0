import { assertAcceptsNotes, assertAcceptsNotesInTx } from "../versions/version.lifecycle.js";
import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { assertDrawable, type DrawingInputArgs, validDrawing } from "./drawing.validate.js";
import { assertNotDeleted, requireNote, validBody } from "./note.access.js";
import type { NoteCategory } from "./note.enums.js";
import { NoteModel } from "./note.model.js";
import { canEditNote } from "./note.policy.js";
import { assigneeOf, mentionsIn } from "./note.service.js";
import { type Note, toNote } from "./note.type.js";

export interface EditNoteArgs {
  noteId: string;
  body?: string | null;
  category?: NoteCategory | null;
  assigneeId?: string | null;
  clearAssignee?: boolean | null;
  drawing?: DrawingInputArgs | null;
  clearDrawing?: boolean | null;
}

/** The author only; an edit that changes nothing records nothing. */
export async function editNoteCommand(ctx: Context, input: EditNoteArgs): Promise<Note> {
  const { note, version, member } = await requireNote(ctx, input.noteId);
  if (!canEditNote(member, { authorId: String(note.authorId) }))
    throw forbidden("Only the author can edit a note.");
  const set: Record<string, unknown> = {};
  const productionId = String(note.productionId);
  if (input.body != null) {
    set.body = validBody(input.body);
    set.mentions = await mentionsIn(ctx, productionId, set.body as string);
  }
  if (input.category != null) set.category = input.category;
  if (input.clearAssignee) set.assigneeId = null;
  else if (input.assigneeId != null) set.assigneeId = await assigneeOf(ctx, productionId, input.assigneeId);
  if (input.clearDrawing) set.drawing = null;
  else if (input.drawing) {
    assertDrawable(version.kind);
    set.drawing = validDrawing(input.drawing);
  }
  assertNotDeleted(note);
  assertAcceptsNotes(version);
  if (Object.keys(set).length === 0) return toNote(note);
  const now = new Date();
  const updated = await runCommand("notes/edit-note", async (tx) => {
    // Again in the transaction: a lock committed since the check above refuses it (CONFLICT).
    await assertAcceptsNotesInTx(tx.session, version._id);
    const doc = await NoteModel.findOneAndUpdate(
      { _id: note._id, deletedAt: null },
      { $set: { ...set, editedAt: now, updatedAt: now } },
      { returnDocument: "after", session: tx.session },
    ).lean();
    if (!doc) return null; // deleted concurrently
    await recordEvents(tx, note.productionId, new Types.ObjectId(member.userId), [
      { type: EventType.NOTE_UPDATED, noteId: note._id, versionId: note.versionId },
    ]);
    return doc;
  });
  if (!updated) return toNote(note);
  ctx.loaders.noteById.clear(input.noteId).prime(input.noteId, updated);
  return toNote(updated);
}
