import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { requireViewer } from "../auth/auth-checker.js";
import { isId } from "../core/ids.js";
import { viewerMembership } from "../productions/production.access.js";
import { NoteStatus } from "./note.enums.js";
import { AddNoteInput, EditNoteInput } from "./note.input.js";
import { addNote, deleteNote, editNote } from "./note.service.js";
import { setNoteStatus } from "./note-status.service.js";
import { Note, toNote } from "./note.type.js";
import { replyToNote } from "./reply.service.js";
import { Reply } from "./reply.type.js";

@Resolver()
export class NoteResolver {
  @Authorized()
  @Query(() => Note, { nullable: true, description: "Deleted notes are returned with deletedAt set." })
  async note(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Note | null> {
    requireViewer(ctx);
    const doc = isId(id) ? await ctx.loaders.noteById.load(id) : null;
    if (!doc || !(await viewerMembership(ctx, String(doc.productionId)))) return null;
    return toNote(doc);
  }

  @Authorized()
  @Mutation(() => Note)
  addNote(@Arg("input", () => AddNoteInput) input: AddNoteInput, @Ctx() ctx: Context): Promise<Note> {
    return addNote(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author only; records NOTE_UPDATED." })
  editNote(@Arg("input", () => EditNoteInput) input: EditNoteInput, @Ctx() ctx: Context): Promise<Note> {
    return editNote(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author or the showrunner; soft delete, records NOTE_DELETED." })
  deleteNote(@Arg("noteId", () => ID) noteId: string, @Ctx() ctx: Context): Promise<Note> {
    return deleteNote(ctx, noteId);
  }

  @Authorized()
  @Mutation(() => Note)
  setNoteStatus(
    @Arg("noteId", () => ID) noteId: string,
    @Arg("status", () => NoteStatus) status: NoteStatus,
    @Ctx() ctx: Context,
  ): Promise<Note> {
    return setNoteStatus(ctx, noteId, status);
  }

  @Authorized()
  @Mutation(() => Reply)
  replyToNote(
    @Arg("noteId", () => ID) noteId: string,
    @Arg("body", () => String) body: string,
    @Ctx() ctx: Context,
  ): Promise<Reply> {
    return replyToNote(ctx, noteId, body);
  }
}
