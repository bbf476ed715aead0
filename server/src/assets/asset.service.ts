import { Types } from "mongoose";
import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { isId } from "../core/ids.js";
import {
  type MemberRef,
  requireMembership,
  requireProduction,
  viewerMembership,
} from "../productions/production.access.js";
import { requiredText } from "../core/text.js";
import { AssetKind } from "./asset.enums.js";
import { AssetModel, type AssetDoc } from "./asset.model.js";
import { canCreateAsset } from "./asset.policy.js";
import { type Asset, toAsset } from "./asset.type.js";

/** NOT_FOUND unless the asset exists and the viewer is a member of its production. */
export async function requireAsset(
  ctx: Context,
  assetId: string,
): Promise<{ asset: AssetDoc; member: MemberRef }> {
  requireViewer(ctx);
  const asset = isId(assetId) ? await ctx.loaders.assetById.load(assetId) : null;
  if (!asset) throw notFound("Asset");
  const member = await requireMembership(ctx, String(asset.productionId), "Asset");
  return { asset, member };
}

export async function findAsset(ctx: Context, id: string): Promise<Asset | null> {
  requireViewer(ctx);
  const asset = isId(id) ? await ctx.loaders.assetById.load(id) : null;
  if (!asset || !(await viewerMembership(ctx, String(asset.productionId)))) return null;
  return toAsset(asset);
}

export async function listAssets(
  ctx: Context,
  productionId: string,
  filter: { kind?: AssetKind | null; episodeId?: string | null } = {},
): Promise<Asset[]> {
  const docs = filter.episodeId
    ? await ctx.loaders.assetsByEpisodeId.load(filter.episodeId)
    : await ctx.loaders.assetsByProductionId.load(productionId);
  return docs.filter((d) => !filter.kind || d.kind === filter.kind).map(toAsset);
}

export async function createAsset(
  ctx: Context,
  input: { productionId: string; kind: AssetKind; title: string; episodeId?: string | null },
): Promise<Asset> {
  const { production, member } = await requireProduction(ctx, input.productionId);
  if (!canCreateAsset(member, input.kind)) {
    throw forbidden(`Your role (${member.role}) cannot create ${input.kind.toLowerCase()} assets.`);
  }
  const title = requiredText(input.title, "title", 200);
  let episodeId: Types.ObjectId | null = null;
  if (input.episodeId != null) {
    // Names something else than the production acted on: looked at after the role check.
    const episode = isId(input.episodeId) ? await ctx.loaders.episodeById.load(input.episodeId) : null;
    if (!episode || String(episode.productionId) !== input.productionId) throw notFound("Episode");
    episodeId = episode._id;
  }
  const created = await AssetModel.create({
    productionId: production._id,
    episodeId,
    kind: input.kind,
    title,
    createdBy: new Types.ObjectId(member.userId),
    createdAt: new Date(),
  });
  ctx.loaders.assetsByProductionId.clear(input.productionId);
  if (episodeId) ctx.loaders.assetsByEpisodeId.clear(String(episodeId));
  await recordEvents(production._id, new Types.ObjectId(member.userId), [
    { type: EventType.ASSET_CREATED, assetId: created._id },
  ]);
  return toAsset(created.toObject());
}
