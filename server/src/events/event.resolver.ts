import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { Asset, toAsset } from "../assets/asset.type.js";
import { Note, toNote } from "../notes/note.type.js";
import { Reply, toReply } from "../notes/reply.type.js";
import { Episode, toEpisode } from "../productions/episode.type.js";
import type { Role } from "../productions/production.enums.js";
import { Member, toMember } from "../productions/production.type.js";
import { Review, toReview } from "../reviews/review.type.js";
import { User } from "../users/user.type.js";
import { toVersion, Version } from "../versions/version.type.js";
import { ProductionEvent } from "./event.type.js";

/**
 * Event payloads resolve through the same loaders and mappers as queries, so an event's `note`
 * is the same Note (same id, same fields) the client already caches.
 */
@Resolver(() => ProductionEvent)
export class ProductionEventResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<User | null> {
    return e.actorId ? ctx.loaders.userById.load(e.actorId) : Promise.resolve(null);
  }

  @FieldResolver(() => Note, { nullable: true })
  async note(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Note | null> {
    const doc = e.noteId ? await ctx.loaders.noteById.load(e.noteId) : null;
    return doc ? toNote(doc) : null;
  }

  @FieldResolver(() => Reply, { nullable: true })
  async reply(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Reply | null> {
    const doc = e.replyId ? await ctx.loaders.replyById.load(e.replyId) : null;
    return doc ? toReply(doc) : null;
  }

  @FieldResolver(() => Version, { nullable: true })
  async version(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Version | null> {
    const doc = e.versionId ? await ctx.loaders.versionById.load(e.versionId) : null;
    return doc ? toVersion(doc) : null;
  }

  @FieldResolver(() => Review, { nullable: true })
  async review(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Review | null> {
    const doc = e.reviewId ? await ctx.loaders.reviewById.load(e.reviewId) : null;
    return doc ? toReview(doc) : null;
  }

  @FieldResolver(() => Asset, { nullable: true })
  async asset(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Asset | null> {
    const doc = e.assetId ? await ctx.loaders.assetById.load(e.assetId) : null;
    return doc ? toAsset(doc) : null;
  }

  @FieldResolver(() => Episode, { nullable: true })
  async episode(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Episode | null> {
    const doc = e.episodeId ? await ctx.loaders.episodeById.load(e.episodeId) : null;
    return doc ? toEpisode(doc) : null;
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "MEMBER_ADDED/REMOVED: the member as of the event.",
  })
  member(@Root() e: ProductionEvent): Member | null {
    if (!e.memberUserId || !e.memberRole) return null;
    return toMember({ userId: e.memberUserId, role: e.memberRole as Role, joinedAt: e.at });
  }
}
