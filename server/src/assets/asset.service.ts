import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { isId } from "../core/ids.js";
import { type MemberRef, requireMembership, viewerMembership } from "../productions/production.access.js";
import { AssetKind } from "./asset.enums.js";
import { type AssetDoc } from "./asset.model.js";
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
