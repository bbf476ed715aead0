import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { deletedUser, User } from "../users/user.type.js";
import { toVersion, Version } from "../versions/version.type.js";
import { CarriedNote } from "./carried-note.type.js";
import { confirmCarriedNoteCommand } from "./confirm-carried-note.command.js";
import { Note, toNote } from "./note.type.js";

@Resolver(() => CarriedNote)
export class CarriedNoteResolver {
  @Authorized()
  @Mutation(() => CarriedNote, {
    description:
      "Confirms that an open note carried to a later version still applies there (its placement records who and when).",
  })
  confirmCarriedNote(
    @Arg("noteId", () => ID, { description: "The carried note." }) noteId: string,
    @Arg("versionId", () => ID, { description: "The later version the note was carried to." })
    versionId: string,
    @Ctx() ctx: Context,
  ): Promise<CarriedNote> {
    return confirmCarriedNoteCommand(ctx, noteId, versionId);
  }

  @FieldResolver(() => Note, { description: "The note itself, with its own version and anchor." })
  async note(@Root() c: CarriedNote, @Ctx() ctx: Context): Promise<Note> {
    const doc = await ctx.loaders.noteById.load(c.noteId);
    if (!doc) throw notFound("Note");
    return toNote(doc);
  }

  @FieldResolver(() => Version, { description: "The version whose anchor was mapped." })
  async fromVersion(@Root() c: CarriedNote, @Ctx() ctx: Context): Promise<Version> {
    const doc = await ctx.loaders.versionById.load(c.fromVersionId);
    if (!doc) throw notFound("Version");
    return toVersion(doc);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who confirmed it still applies." })
  async confirmedBy(@Root() c: CarriedNote, @Ctx() ctx: Context): Promise<User | null> {
    if (!c.confirmedById) return null;
    return (await ctx.loaders.userById.load(c.confirmedById)) ?? deletedUser(c.confirmedById);
  }

  @FieldResolver(() => User, { description: "Who added the version, or re-ran the mapping." })
  async mappedBy(@Root() c: CarriedNote, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(c.mappedById)) ?? deletedUser(c.mappedById);
  }
}
