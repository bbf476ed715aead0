import { acceptsNotes } from "../versions/version.lifecycle.js";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { viewerMembership } from "../productions/production.access.js";
import { User } from "../users/user.type.js";
import { deletedUser } from "../users/user.type.js";
import { toVersion, Version } from "../versions/version.type.js";
import { canDeleteNote, canEditNote, canReply, canSetNoteStatus } from "./note.policy.js";
import { Mention, Note, NotePermissions, toNote } from "./note.type.js";
import { Reply, toReply } from "./reply.type.js";

const userOr = async (ctx: Context, id: string): Promise<User> =>
  (await ctx.loaders.userById.load(id)) ?? deletedUser(id);

@Resolver(() => Note)
export class NoteFieldsResolver {
  @FieldResolver(() => Version)
  async version(@Root() n: Note, @Ctx() ctx: Context): Promise<Version> {
    const doc = await ctx.loaders.versionById.load(n.versionId);
    if (!doc) throw notFound("Version");
    return toVersion(doc);
  }

  @FieldResolver(() => User)
  author(@Root() n: Note, @Ctx() ctx: Context): Promise<User> {
    return userOr(ctx, n.authorId);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() n: Note, @Ctx() ctx: Context): Promise<User | null> {
    return n.assigneeId ? userOr(ctx, n.assigneeId) : Promise.resolve(null);
  }

  @FieldResolver(() => User, { nullable: true })
  statusChangedBy(@Root() n: Note, @Ctx() ctx: Context): Promise<User | null> {
    return n.statusChangedById ? userOr(ctx, n.statusChangedById) : Promise.resolve(null);
  }

  @FieldResolver(() => [Reply], { description: "Oldest first." })
  async replies(@Root() n: Note, @Ctx() ctx: Context): Promise<Reply[]> {
    return (await ctx.loaders.repliesByNoteId.load(n.id)).map(toReply);
  }

  @FieldResolver(() => NotePermissions)
  async viewerCan(@Root() n: Note, @Ctx() ctx: Context): Promise<NotePermissions> {
    const [m, version] = await Promise.all([
      viewerMembership(ctx, n.productionId),
      ctx.loaders.versionById.load(n.versionId),
    ]);
    const open = !!version && acceptsNotes(version.status) && !n.deletedAt;
    const note = { authorId: n.authorId };
    return Object.assign(new NotePermissions(), {
      edit: !!m && open && canEditNote(m, note),
      delete: !!m && open && canDeleteNote(m, note),
      setStatus: !!m && open && !!version && canSetNoteStatus(m, note, version.kind),
      reply: !!m && open && canReply(m),
    });
  }
}

@Resolver(() => Mention)
export class MentionFieldsResolver {
  @FieldResolver(() => User, { nullable: true })
  user(@Root() m: Mention, @Ctx() ctx: Context): Promise<User | null> {
    return m.userId ? userOr(ctx, m.userId) : Promise.resolve(null);
  }
}

@Resolver(() => Reply)
export class ReplyFieldsResolver {
  @FieldResolver(() => User)
  author(@Root() r: Reply, @Ctx() ctx: Context): Promise<User> {
    return userOr(ctx, r.authorId);
  }

  @FieldResolver(() => Note)
  async note(@Root() r: Reply, @Ctx() ctx: Context): Promise<Note> {
    const doc = await ctx.loaders.noteById.load(r.noteId);
    if (!doc) throw notFound("Note");
    return toNote(doc);
  }
}
