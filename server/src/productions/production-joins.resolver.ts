import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { Episode, toEpisode } from "./episode.type.js";
import type { Role } from "./production.enums.js";
import { Member, toMember } from "./production.type.js";

/** Fields the productions domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => ProductionEvent)
export class ProductionEventFieldsResolver {
  @FieldResolver(() => Episode, { description: "EPISODE_ADDED: the episode.", nullable: true })
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
