import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { Episode, toEpisode } from "../productions/episode.type.js";
import { Production, toProduction } from "../productions/production.type.js";
import { CreateAssetInput } from "./asset.input.js";
import { findAsset } from "./asset.service.js";
import { createAssetCommand } from "./create-asset.command.js";
import { Asset } from "./asset.type.js";

@Resolver(() => Asset)
export class AssetResolver {
  @Authorized()
  @Query(() => Asset, {
    description: "An asset by id; null if missing or not in one of your productions.",
    nullable: true,
  })
  asset(
    @Arg("id", () => ID, { description: "The asset's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Asset | null> {
    return findAsset(ctx, id);
  }

  @Authorized()
  @Mutation(() => Asset, {
    description:
      "Creates a script, cut or mix in a production (see ProductionPermissions for who); records ASSET_CREATED.",
  })
  createAsset(
    @Arg("input", () => CreateAssetInput, { description: "The asset." }) input: CreateAssetInput,
    @Ctx() ctx: Context,
  ): Promise<Asset> {
    return createAssetCommand(ctx, input);
  }

  @FieldResolver(() => Production, { description: "The production it belongs to." })
  async production(@Root() a: Asset, @Ctx() ctx: Context): Promise<Production> {
    const doc = await ctx.loaders.productionById.load(a.productionId);
    if (!doc) throw notFound("Production");
    return toProduction(doc);
  }

  @FieldResolver(() => Episode, {
    description: "The episode it belongs to; null when it belongs to the production as a whole.",
    nullable: true,
  })
  async episode(@Root() a: Asset, @Ctx() ctx: Context): Promise<Episode | null> {
    if (!a.episodeId) return null;
    const doc = await ctx.loaders.episodeById.load(a.episodeId);
    return doc ? toEpisode(doc) : null;
  }
}
