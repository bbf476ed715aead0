import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden, notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { assertAcceptsNotesInTx, noteChangeRoom } from "../versions/version.lifecycle.js";
import { type CarriedNote, toCarriedNote } from "./carried-note.type.js";
import { assertNotDeleted, requireNote, roomVersion } from "./note.access.js";
import { NoteCarryModel } from "./note-carry.model.js";
import { NoteStatus } from "./note.enums.js";
import { canSetNoteStatus } from "./note.policy.js";

const OPEN: readonly NoteStatus[] = [NoteStatus.OPEN, NoteStatus.IN_PROGRESS];

/**
 * "Still applies": someone who may close the note says that, as carried to `versionId`, it still
 * holds there. It is recorded on the placement (the note and its own version do not change) with a
 * NOTE_CARRY_CONFIRMED event on that version's stream. Confirming a confirmed placement changes
 * nothing and records nothing; the conditional update keeps that true under concurrency.
 */
export async function confirmCarriedNoteCommand(
  ctx: Context,
  noteId: string,
  versionId: string,
): Promise<CarriedNote> {
  const { note, version, member } = await requireNote(ctx, noteId);
  const room = await roomVersion(ctx, versionId, note.productionId);
  if (!canSetNoteStatus(member, { authorId: String(note.authorId) }, version.kind)) {
    throw forbidden("Only those who may change the note's status can confirm it still applies.");
  }
  if (room._id.equals(version._id)) {
    throw badInput("A note is confirmed on a later version it was carried to, not its own.", {
      versionId: "the note's own version",
    });
  }
  assertNotDeleted(note);
  if (!OPEN.includes(note.status)) throw conflict("The note is closed; it was not carried on.");
  noteChangeRoom(version, room);
  const carry = await NoteCarryModel.findOne({ noteId: note._id, versionId: room._id, current: true }).lean();
  if (!carry) throw notFound("Carried note");
  if (carry.confirmedAt) return toCarriedNote(carry);

  const by = new Types.ObjectId(member.userId);
  const updated = await runCommand("notes/confirm-carried-note", async (tx) => {
    await assertAcceptsNotesInTx(tx.session, room._id);
    const after = await NoteCarryModel.findOneAndUpdate(
      { _id: carry._id, current: true, confirmedAt: null },
      { $set: { confirmedBy: by, confirmedAt: new Date() } },
      { returnDocument: "after", session: tx.session },
    ).lean();
    if (!after) return null;
    await recordEvents(tx, note.productionId, by, [
      { type: EventType.NOTE_CARRY_CONFIRMED, noteId: note._id, versionId: room._id, carryId: carry._id },
    ]);
    return after;
  });
  const doc = updated ?? (await NoteCarryModel.findById(carry._id).lean()) ?? carry;
  ctx.loaders.noteCarryById.clear(String(doc._id)).prime(String(doc._id), doc);
  return toCarriedNote(doc);
}
