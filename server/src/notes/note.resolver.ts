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
  async note(
    @Arg("id", () => ID, { description: "The note's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Note | null> {
    requireViewer(ctx);
    const doc = isId(id) ? await ctx.loaders.noteById.load(id) : null;
    if (!doc || !(await viewerMembership(ctx, String(doc.productionId)))) return null;
    return toNote(doc);
  }

  @Authorized()
  @Mutation(() => Note, {
    description:
      "Adds a note to a version (every role but VIEWER; CONFLICT on a LOCKED version); records NOTE_ADDED.",
  })
  addNote(
    @Arg("input", () => AddNoteInput, { description: "The note: version, body, and exactly one anchor." })
    input: AddNoteInput,
    @Ctx() ctx: Context,
  ): Promise<Note> {
    return addNoteCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author only; records NOTE_UPDATED." })
  editNote(
    @Arg("input", () => EditNoteInput, { description: "The note and the changes." }) input: EditNoteInput,
    @Ctx() ctx: Context,
  ): Promise<Note> {
    return editNoteCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Note, { description: "The author or the showrunner; soft delete, records NOTE_DELETED." })
  deleteNote(
    @Arg("noteId", () => ID, { description: "The note to delete." }) noteId: string,
    @Ctx() ctx: Context,
  ): Promise<Note> {
    return deleteNoteCommand(ctx, noteId);
  }

  @Authorized()
  @Mutation(() => Note, {
    description:
      "Sets a note's status (author, SHOWRUNNER, PRODUCER, the kind's maker; CONFLICT on a LOCKED version); records NOTE_STATUS_CHANGED unless unchanged.",
  })
  setNoteStatus(
    @Arg("noteId", () => ID, { description: "The note." }) noteId: string,
    @Arg("status", () => NoteStatus, { description: "The new status." }) status: NoteStatus,
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
  @Mutation(() => Reply, {
    description:
      "Replies to a note (every role but VIEWER; CONFLICT on a LOCKED version); records REPLY_ADDED.",
  })
  replyToNote(
    @Arg("noteId", () => ID, { description: "The note to answer." }) noteId: string,
    @Arg("body", () => String, { description: "The reply's text, 1 to 10,000 characters." }) body: string,
    @Ctx() ctx: Context,
  ): Promise<Reply> {
    return replyToNoteCommand(ctx, noteId, body);
  }
}
