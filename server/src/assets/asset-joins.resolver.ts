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
  @FieldResolver(() => [Asset], { description: "Its assets, all or of one kind." })
  assets(
    @Root() p: Production,
    @Arg("kind", () => AssetKind, { description: "Only assets of this kind; null for all.", nullable: true })
    kind: AssetKind | null,
    @Ctx() ctx: Context,
  ): Promise<Asset[]> {
    return listAssets(ctx, p.id, { kind });
  }
}

@Resolver(() => Episode)
export class EpisodeAssetsResolver {
  @FieldResolver(() => [Asset], { description: "The assets that belong to this episode." })
  assets(
    @Root() e: Episode,
    @Arg("kind", () => AssetKind, { description: "Only assets of this kind; null for all.", nullable: true })
    kind: AssetKind | null,
    @Ctx() ctx: Context,
  ): Promise<Asset[]> {
    return listAssets(ctx, e.productionId, { kind, episodeId: e.id });
  }
}

@Resolver(() => ProductionEvent)
export class AssetEventFieldsResolver {
  @FieldResolver(() => Asset, {
    description:
      "The asset concerned (ASSET_CREATED and the version, note and review events); null otherwise.",
    nullable: true,
  })
  async asset(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Asset | null> {
    const doc = e.assetId ? await ctx.loaders.assetById.load(e.assetId) : null;
    return doc ? toAsset(doc) : null;
  }
}
