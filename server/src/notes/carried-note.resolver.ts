import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { deletedUser, User } from "../users/user.type.js";
import { toVersion, Version } from "../versions/version.type.js";
import { CarriedNote } from "./carried-note.type.js";
import { Note, toNote } from "./note.type.js";

@Resolver(() => CarriedNote)
export class CarriedNoteResolver {
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

  @FieldResolver(() => User, { description: "Who added the version, or re-ran the mapping." })
  async mappedBy(@Root() c: CarriedNote, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(c.mappedById)) ?? deletedUser(c.mappedById);
  }
}
