import { acceptsNotes, noteChangeableIn } from "../versions/version.lifecycle.js";
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { isId } from "../core/ids.js";
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
  @FieldResolver(() => Version, { description: "The version it was written on." })
  async version(@Root() n: Note, @Ctx() ctx: Context): Promise<Version> {
    const doc = await ctx.loaders.versionById.load(n.versionId);
    if (!doc) throw notFound("Version");
    return toVersion(doc);
  }

  @FieldResolver(() => User, { description: "Who wrote it." })
  author(@Root() n: Note, @Ctx() ctx: Context): Promise<User> {
    return userOr(ctx, n.authorId);
  }

  @FieldResolver(() => User, {
    description: "The member it is assigned to; null when unassigned.",
    nullable: true,
  })
  assignee(@Root() n: Note, @Ctx() ctx: Context): Promise<User | null> {
    return n.assigneeId ? userOr(ctx, n.assigneeId) : Promise.resolve(null);
  }

  @FieldResolver(() => User, { description: "Who last changed the status; null if never.", nullable: true })
  statusChangedBy(@Root() n: Note, @Ctx() ctx: Context): Promise<User | null> {
    return n.statusChangedById ? userOr(ctx, n.statusChangedById) : Promise.resolve(null);
  }

  @FieldResolver(() => Version, {
    nullable: true,
    description:
      "The version whose room the last status change was made in: the note's own, or a later version it was carried to (null before this was recorded).",
  })
  async statusChangedIn(@Root() n: Note, @Ctx() ctx: Context): Promise<Version | null> {
    const doc = n.statusChangedInId ? await ctx.loaders.versionById.load(n.statusChangedInId) : null;
    return doc ? toVersion(doc) : null;
  }

  @FieldResolver(() => [Reply], { description: "Oldest first." })
  async replies(@Root() n: Note, @Ctx() ctx: Context): Promise<Reply[]> {
    return (await ctx.loaders.repliesByNoteId.load(n.id)).map(toReply);
  }

  @FieldResolver(() => NotePermissions, { description: "What the caller may do with it now." })
  async viewerCan(
    @Root() n: Note,
    @Ctx() ctx: Context,
    @Arg("inVersionId", () => ID, {
      nullable: true,
      description:
        "setStatus as asked from this version's room (a later version the note was carried to); the rest are about the note's own version.",
    })
    inVersionId?: string | null,
  ): Promise<NotePermissions> {
    const [m, version, room] = await Promise.all([
      viewerMembership(ctx, n.productionId),
      ctx.loaders.versionById.load(n.versionId),
      inVersionId && isId(inVersionId) ? ctx.loaders.versionById.load(inVersionId) : null,
    ]);
    const open = !!version && acceptsNotes(version.status) && !n.deletedAt;
    // A room given but unknown (or another production's) allows nothing: no guess at the note's own.
    const sameProduction = !!room && room.productionId.equals(n.productionId);
    const statusOpen =
      !!version &&
      !n.deletedAt &&
      (inVersionId == null
        ? noteChangeableIn(version, null)
        : sameProduction && noteChangeableIn(version, room));
    const note = { authorId: n.authorId };
    return Object.assign(new NotePermissions(), {
      edit: !!m && open && canEditNote(m, note),
      delete: !!m && open && canDeleteNote(m, note),
      setStatus: !!m && statusOpen && canSetNoteStatus(m, note, version.kind),
      reply: !!m && open && canReply(m),
    });
  }
}

@Resolver(() => Mention)
export class MentionFieldsResolver {
  @FieldResolver(() => User, { description: "The member, for kind USER; null for ROLE.", nullable: true })
  user(@Root() m: Mention, @Ctx() ctx: Context): Promise<User | null> {
    return m.userId ? userOr(ctx, m.userId) : Promise.resolve(null);
  }
}

@Resolver(() => Reply)
export class ReplyFieldsResolver {
  @FieldResolver(() => User, { description: "Who wrote it." })
  author(@Root() r: Reply, @Ctx() ctx: Context): Promise<User> {
    return userOr(ctx, r.authorId);
  }

  @FieldResolver(() => Note, { description: "The note it answers." })
  async note(@Root() r: Reply, @Ctx() ctx: Context): Promise<Note> {
    const doc = await ctx.loaders.noteById.load(r.noteId);
    if (!doc) throw notFound("Note");
    return toNote(doc);
  }
}
