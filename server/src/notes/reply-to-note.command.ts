import { assertAcceptsNotes, assertAcceptsNotesInTx } from "../versions/version.lifecycle.js";
import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { assertNotDeleted, requireNote, validBody } from "./note.access.js";
import { NoteModel } from "./note.model.js";
import { canReply } from "./note.policy.js";
import { ReplyModel } from "./reply.model.js";
import { type Reply, toReply } from "./reply.type.js";

/** The reply, the note's replyCount and REPLY_ADDED, in one transaction. */
export async function replyToNoteCommand(ctx: Context, noteId: string, bodyInput: string): Promise<Reply> {
  const { note, version, member } = await requireNote(ctx, noteId);
  if (!canReply(member)) throw forbidden("Viewers cannot reply to notes.");
  const body = validBody(bodyInput);
  assertNotDeleted(note);
  assertAcceptsNotes(version);
  const authorId = new Types.ObjectId(member.userId);
  const now = new Date();
  const created = await runCommand("notes/reply-to-note", async (tx) => {
    // Again in the transaction: a lock committed since the check above refuses it (CONFLICT).
    await assertAcceptsNotesInTx(tx.session, version._id);
    const [reply] = await ReplyModel.create(
      [
        {
          noteId: note._id,
          versionId: note.versionId,
          productionId: note.productionId,
          authorId,
          authorRole: member.role,
          body,
          createdAt: now,
        },
      ],
      { session: tx.session },
    );
    if (!reply) throw new Error("ReplyModel.create returned no document");
    await NoteModel.updateOne(
      { _id: note._id },
      { $inc: { replyCount: 1 }, $set: { updatedAt: now } },
      { session: tx.session },
    );
    await recordEvents(tx, note.productionId, authorId, [
      { type: EventType.REPLY_ADDED, noteId: note._id, replyId: reply._id, versionId: note.versionId },
    ]);
    return reply.toObject();
  });
  ctx.loaders.noteById.clear(noteId);
  ctx.loaders.repliesByNoteId.clear(noteId);
  return toReply(created);
}
