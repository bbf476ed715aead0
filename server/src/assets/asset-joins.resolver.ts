import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { Episode } from "../productions/episode.type.js";
import { Production } from "../productions/production.type.js";
import { AssetKind } from "./asset.enums.js";
import { listAssets } from "./asset.service.js";
import { Asset, toAsset } from "./asset.type.js";

/** Fields the assets domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Production)
export class ProductionAssetsResolver {
  @FieldResolver(() => [Asset])
  assets(
    @Root() p: Production,
    @Arg("kind", () => AssetKind, { nullable: true }) kind: AssetKind | null,
    @Ctx() ctx: Context,
  ): Promise<Asset[]> {
    return listAssets(ctx, p.id, { kind });
  }
}

@Resolver(() => Episode)
export class EpisodeAssetsResolver {
  @FieldResolver(() => [Asset])
  assets(
    @Root() e: Episode,
    @Arg("kind", () => AssetKind, { nullable: true }) kind: AssetKind | null,
    @Ctx() ctx: Context,
  ): Promise<Asset[]> {
    return listAssets(ctx, e.productionId, { kind, episodeId: e.id });
  }
}

@Resolver(() => ProductionEvent)
export class AssetEventFieldsResolver {
  @FieldResolver(() => Asset, { nullable: true })
  async asset(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Asset | null> {
    const doc = e.assetId ? await ctx.loaders.assetById.load(e.assetId) : null;
    return doc ? toAsset(doc) : null;
  }
}
