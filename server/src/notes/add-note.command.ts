import { assertAcceptsNotes } from "../versions/version.lifecycle.js";
import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { requireVersion } from "../versions/version.service.js";
import { type AnchorInput, resolveAnchor } from "./note.anchor.js";
import { assertDrawable, type DrawingInputArgs, validDrawing } from "./drawing.validate.js";
import { validBody } from "./note.access.js";
import { type NoteCategory, NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";
import { newNoteDoc } from "./note.document.js";
import { bumpNoteCounts } from "./note-counters.js";
import { canAddNote } from "./note.policy.js";
import { assigneeOf, mentionsIn } from "./note.service.js";
import { type Note, toNote } from "./note.type.js";

export type AddNoteArgs = AnchorInput & {
  versionId: string;
  body: string;
  category?: NoteCategory | null;
  assigneeId?: string | null;
  drawing?: DrawingInputArgs | null;
};

/** The note, its version's counters and NOTE_ADDED, in one transaction. */
export async function addNoteCommand(ctx: Context, input: AddNoteArgs): Promise<Note> {
  // The cached version is enough: its status is checked again in the transaction.
  const { version, member } = await requireVersion(ctx, input.versionId, { forWrite: true });
  if (!canAddNote(member)) throw forbidden("Viewers cannot add notes.");
  const body = validBody(input.body);
  const anchor = resolveAnchor(version, input);
  if (input.drawing) assertDrawable(version.kind);
  const drawing = input.drawing ? validDrawing(input.drawing) : null;
  const productionId = String(version.productionId);
  const assigneeId = await assigneeOf(ctx, productionId, input.assigneeId);
  assertAcceptsNotes(version);
  const mentions = await mentionsIn(ctx, productionId, body);
  const created = newNoteDoc({
    _id: new Types.ObjectId(),
    versionId: version._id,
    assetId: version.assetId,
    productionId: version.productionId,
    authorId: new Types.ObjectId(member.userId),
    authorRole: member.role,
    body,
    anchor,
    category: input.category ?? null,
    assigneeId,
    mentions,
    drawing,
    createdAt: new Date(),
  });
  // The body returns the note so that a retry under the same Idempotency-Key answers the first one.
  const written = await runCommand("notes/add-note", async (tx) => {
    // The driver, not NoteModel.create: every field is validated above and built by newNoteDoc
    // (whose test checks it against the schema), so mongoose's casting, validation and document
    // wrapping would be pure overhead (~1 ms of CPU per note on this VM).
    await NoteModel.collection.insertOne(created, { session: tx.session });
    // Again in the transaction, with the counters: a lock committed since the check above refuses
    // it (CONFLICT) and the note's insert is rolled back.
    await bumpNoteCounts(
      tx.session,
      version._id,
      { live: { [NoteStatus.OPEN]: 1 } },
      { whileAcceptingNotes: true },
    );
    await recordEvents(tx, version.productionId, created.authorId, [
      { type: EventType.NOTE_ADDED, noteId: created._id, versionId: version._id },
    ]);
    return created;
  });
  ctx.loaders.versionById.clear(String(version._id));
  // The response is built from the document written, not read back.
  return toNote(written);
}
