import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, forbidden } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { isId } from "../core/ids.js";
import { membershipKey } from "../productions/production.loaders.js";
import { requireVersion } from "../versions/version.service.js";
import { type AnchorInput, resolveAnchor } from "./note.anchor.js";
import { assertNotDeleted, assertNotLocked, requireNote, validBody } from "./note.access.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { type MentionDoc, NoteModel } from "./note.model.js";
import { newNoteDoc } from "./note.document.js";
import { bumpNoteCounts } from "./note-counters.js";
import { canAddNote, canDeleteNote, canEditNote } from "./note.policy.js";
import { type Note, toNote } from "./note.type.js";
import { parseMentions } from "./mentions.js";

/** Resolves @mentions against the production's members (one members query + one users batch). */
export async function mentionsIn(ctx: Context, productionId: string, body: string): Promise<MentionDoc[]> {
  if (!body.includes("@")) return [];
  const members = await ctx.loaders.membersByProductionId.load(productionId);
  const users = await ctx.loaders.userById.loadMany(members.map((m) => String(m.userId)));
  const candidates = users.flatMap((u) =>
    u && !(u instanceof Error) ? [{ userId: u.id, name: u.name, email: u.email }] : [],
  );
  return parseMentions(body, candidates).map((m) => ({
    kind: m.kind,
    label: m.label,
    userId: m.userId ? new Types.ObjectId(m.userId) : null,
    role: m.role,
  }));
}

/** The assignee must be a member of the production (BAD_USER_INPUT otherwise). */
async function assigneeOf(ctx: Context, productionId: string, assigneeId: string | null | undefined) {
  if (assigneeId == null) return null;
  const m = isId(assigneeId)
    ? await ctx.loaders.membershipByKey.load(membershipKey(productionId, assigneeId))
    : null;
  if (!m) throw badInput("The assignee must be a member of the production.", { assigneeId: "not a member" });
  return m.userId;
}

export async function addNote(
  ctx: Context,
  input: AnchorInput & {
    versionId: string;
    body: string;
    category?: NoteCategory | null;
    assigneeId?: string | null;
  },
): Promise<Note> {
  const { version, member } = await requireVersion(ctx, input.versionId);
  if (!canAddNote(member)) throw forbidden("Viewers cannot add notes.");
  const body = validBody(input.body);
  const anchor = resolveAnchor(version, input);
  const productionId = String(version.productionId);
  const assigneeId = await assigneeOf(ctx, productionId, input.assigneeId);
  assertNotLocked(version);
  const mentions = await mentionsIn(ctx, productionId, body);
  const now = new Date();
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
    createdAt: now,
  });
  // The driver, not NoteModel.create: every field is validated above and built by newNoteDoc (whose
  // test checks it against the schema), so mongoose's casting, validation and document wrapping
  // would be pure overhead (~1 ms of CPU per note on this VM).
  await NoteModel.collection.insertOne(created);
  await bumpNoteCounts(version._id, { live: { [NoteStatus.OPEN]: 1 } });
  ctx.loaders.versionById.clear(String(version._id));
  await recordEvents(version.productionId, created.authorId, [
    { type: EventType.NOTE_ADDED, noteId: created._id, versionId: version._id },
  ]);
  // The response is built from the document written, not read back.
  return toNote(created);
}

export async function editNote(
  ctx: Context,
  input: {
    noteId: string;
    body?: string | null;
    category?: NoteCategory | null;
    assigneeId?: string | null;
    clearAssignee?: boolean | null;
  },
): Promise<Note> {
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
  assertNotDeleted(note);
  assertNotLocked(version);
  if (Object.keys(set).length === 0) return toNote(note);
  const now = new Date();
  const updated = await NoteModel.findOneAndUpdate(
    { _id: note._id, deletedAt: null },
    { $set: { ...set, editedAt: now, updatedAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) return toNote(note);
  ctx.loaders.noteById.clear(input.noteId).prime(input.noteId, updated);
  await recordEvents(note.productionId, new Types.ObjectId(member.userId), [
    { type: EventType.NOTE_UPDATED, noteId: note._id, versionId: note.versionId },
  ]);
  return toNote(updated);
}

/** Soft delete: the note stays readable (events point at it) but leaves lists by default. */
export async function deleteNote(ctx: Context, noteId: string): Promise<Note> {
  const { note, version, member } = await requireNote(ctx, noteId);
  if (!canDeleteNote(member, { authorId: String(note.authorId) })) {
    throw forbidden("Only the author or the showrunner can delete a note.");
  }
  assertNotLocked(version);
  if (note.deletedAt) return toNote(note);
  const now = new Date();
  const before = await NoteModel.findOneAndUpdate(
    { _id: note._id, deletedAt: null },
    { $set: { deletedAt: now, deletedBy: new Types.ObjectId(member.userId), updatedAt: now } },
    { returnDocument: "before" },
  ).lean();
  if (!before) return toNote(note); // deleted concurrently; that call recorded the event
  const updated = { ...before, deletedAt: now, deletedBy: new Types.ObjectId(member.userId), updatedAt: now };
  await bumpNoteCounts(note.versionId, { live: { [before.status]: -1 }, deleted: { [before.status]: 1 } });
  ctx.loaders.versionById.clear(String(note.versionId));
  ctx.loaders.noteById.clear(noteId).prime(noteId, updated);
  await recordEvents(note.productionId, new Types.ObjectId(member.userId), [
    { type: EventType.NOTE_DELETED, noteId: note._id, versionId: note.versionId },
  ]);
  return toNote(updated);
}
