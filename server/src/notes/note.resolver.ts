import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { requireViewer } from "../auth/auth-checker.js";
import { isId } from "../core/ids.js";
import { viewerMembership } from "../productions/production.access.js";
import { NoteStatus } from "./note.enums.js";
import { AddNoteInput, EditNoteInput } from "./note.input.js";
import { addNoteCommand } from "./add-note.command.js";
import { deleteNoteCommand } from "./delete-note.command.js";
import { editNoteCommand } from "./edit-note.command.js";
import { setNoteStatusCommand } from "./set-note-status.command.js";
import { Note, toNote } from "./note.type.js";
import { replyToNoteCommand } from "./reply-to-note.command.js";
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
    return addNoteCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author only; records NOTE_UPDATED." })
  editNote(@Arg("input", () => EditNoteInput) input: EditNoteInput, @Ctx() ctx: Context): Promise<Note> {
    return editNoteCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author or the showrunner; soft delete, records NOTE_DELETED." })
  deleteNote(@Arg("noteId", () => ID) noteId: string, @Ctx() ctx: Context): Promise<Note> {
    return deleteNoteCommand(ctx, noteId);
  }

  @Authorized()
  @Mutation(() => Note)
  setNoteStatus(
    @Arg("noteId", () => ID) noteId: string,
    @Arg("status", () => NoteStatus) status: NoteStatus,
    @Ctx() ctx: Context,
    @Arg("inVersionId", () => ID, {
      nullable: true,
      description:
        "The room it is changed from when that is not the note's own version: a later version of the same asset the note was carried to (allowed once its own version is locked).",
    })
    inVersionId?: string | null,
  ): Promise<Note> {
    return setNoteStatusCommand(ctx, noteId, status, inVersionId ?? null);
  }

  @Authorized()
  @Mutation(() => Reply)
  replyToNote(
    @Arg("noteId", () => ID) noteId: string,
    @Arg("body", () => String) body: string,
    @Ctx() ctx: Context,
  ): Promise<Reply> {
    return replyToNoteCommand(ctx, noteId, body);
  }
}
