import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { PageArgsType, VersionNotesArgs } from "../versions/version.args.js";
import { NoteCounts, Version } from "../versions/version.type.js";
import { carriedNotes } from "./carried-note.query.js";
import { CarriedNote, CarriedNoteConnection, toCarriedNote } from "./carried-note.type.js";
import { fountainWithNotes } from "./fountain-export.js";
import { NoteConnection } from "./note-connection.type.js";
import { noteCounts, openNotesFromPrevious, versionNotes } from "./note.query.js";
import { Note, toNote } from "./note.type.js";
import { Reply, toReply } from "./reply.type.js";

/** Fields the notes domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Version)
export class VersionNotesResolver {
  @FieldResolver(() => NoteConnection, { description: "Oldest first; first default 50, at most 200." })
  notes(@Root() v: Version, @Args(() => VersionNotesArgs) args: VersionNotesArgs, @Ctx() ctx: Context) {
    return versionNotes(ctx, v, args, args);
  }

  @FieldResolver(() => NoteConnection, { description: "OPEN/IN_PROGRESS notes of every earlier version." })
  openNotesFromPrevious(
    @Root() v: Version,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return openNotesFromPrevious(ctx, v, page);
  }

  @FieldResolver(() => CarriedNoteConnection, {
    description:
      "Open notes of the previous version mapped onto this one (SCRIPT versions), with outcome and previous anchor; first default 50, at most 200.",
  })
  carriedNotes(@Root() v: Version, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: Context) {
    return carriedNotes(ctx, v, page);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "SCRIPT: the text as Fountain with its open notes (own and carried) as [[Author (STATUS): body]] at the end of their lines.",
  })
  fountain(@Root() v: Version, @Ctx() ctx: Context): Promise<string | null> {
    return fountainWithNotes(ctx, v);
  }

  @FieldResolver(() => NoteCounts, { description: "Counts of this version's notes by status." })
  noteCounts(@Root() v: Version): Promise<NoteCounts> {
    return noteCounts(v);
  }
}

@Resolver(() => ProductionEvent)
export class NoteEventFieldsResolver {
  @FieldResolver(() => Note, {
    description: "The note concerned (NOTE_*, REPLY_ADDED); null otherwise or if it is gone.",
    nullable: true,
  })
  async note(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Note | null> {
    const doc = e.noteId ? await ctx.loaders.noteById.load(e.noteId) : null;
    return doc ? toNote(doc) : null;
  }

  @FieldResolver(() => CarriedNote, {
    nullable: true,
    description:
      "NOTE_CARRIED: the placement, as mapped then; NOTE_CARRY_CONFIRMED: the placement confirmed.",
  })
  async carriedNote(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<CarriedNote | null> {
    const doc = e.carryId ? await ctx.loaders.noteCarryById.load(e.carryId) : null;
    return doc ? toCarriedNote(doc) : null;
  }

  @FieldResolver(() => Reply, { description: "REPLY_ADDED: the reply.", nullable: true })
  async reply(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Reply | null> {
    const doc = e.replyId ? await ctx.loaders.replyById.load(e.replyId) : null;
    return doc ? toReply(doc) : null;
  }
}
