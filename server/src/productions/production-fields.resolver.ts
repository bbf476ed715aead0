import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { AssetKind } from "../assets/asset.enums.js";
import { canCreateAsset } from "../assets/asset.policy.js";
import { listProductionEvents } from "../events/event.query.js";
import { productionLastEventCursor } from "../events/event.tail.js";
import { ProductionEvent } from "../events/event.type.js";
import { deletedUser, User } from "../users/user.type.js";
import { listEpisodes } from "./episode.service.js";
import { Episode } from "./episode.type.js";
import { listMembers } from "./membership.service.js";
import { Role } from "./production.enums.js";
import { viewerMembership } from "./production.access.js";
import { canAddEpisode, canManageMembers, canSetStage } from "./production.policy.js";
import { Member, Production, ProductionPermissions } from "./production.type.js";

/** Fields of a Production the viewer already may read (the parent was authorised). */
@Resolver(() => Production)
export class ProductionFieldsResolver {
  @FieldResolver(() => [Member], { description: "Everyone with a role in it." })
  members(@Root() p: Production, @Ctx() ctx: Context): Promise<Member[]> {
    return listMembers(ctx, p.id);
  }

  @FieldResolver(() => Role, {
    description: "The caller's role here; null when not a member.",
    nullable: true,
  })
  async myRole(@Root() p: Production, @Ctx() ctx: Context): Promise<Role | null> {
    return (await viewerMembership(ctx, p.id))?.role ?? null;
  }

  @FieldResolver(() => [Episode], { description: "Its episodes (series), by number." })
  episodes(@Root() p: Production, @Ctx() ctx: Context): Promise<Episode[]> {
    return listEpisodes(ctx, p.id);
  }

  @FieldResolver(() => [ProductionEvent], { description: "Oldest first, strictly after `after`." })
  events(
    @Root() p: Production,
    @Ctx() ctx: Context,
    @Arg("after", () => String, {
      description:
        "A ProductionEvent.cursor: list strictly after it; null from the start. An unknown cursor is BAD_USER_INPUT.",
      nullable: true,
    })
    after: string | null,
    @Arg("first", () => Int, {
      description: "How many: default 50, 1 to 500 (else BAD_USER_INPUT).",
      nullable: true,
    })
    first: number | null,
  ): Promise<ProductionEvent[]> {
    return listProductionEvents(ctx, p, after, first);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Opaque cursor of the newest event `events` would release now; pass it as `after` to `productionEvents` to miss nothing since this query.",
  })
  lastEventCursor(@Root() p: Production): Promise<string | null> {
    return productionLastEventCursor(p.id);
  }

  @FieldResolver(() => ProductionPermissions, {
    description: "What the caller may do in this production now.",
  })
  async viewerCan(@Root() p: Production, @Ctx() ctx: Context): Promise<ProductionPermissions> {
    const m = await viewerMembership(ctx, p.id);
    return Object.assign(new ProductionPermissions(), {
      addMember: !!m && canManageMembers(m),
      setStage: !!m && canSetStage(m),
      createScript: !!m && canCreateAsset(m, AssetKind.SCRIPT),
      createCut: !!m && canCreateAsset(m, AssetKind.CUT),
      createMix: !!m && canCreateAsset(m, AssetKind.MIX),
      addEpisode: !!m && canAddEpisode(m),
    });
  }
}

@Resolver(() => Member)
export class MemberFieldsResolver {
  @FieldResolver(() => User)
  async user(@Root() m: Member, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(m.userId)) ?? deletedUser(m.userId);
  }
}
