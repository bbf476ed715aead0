import { leanByIdLoader, leanGroupLoader } from "../core/lean-loaders.js";
import { AssetModel, type AssetDoc, MAX_ASSETS } from "./asset.model.js";

/** Per-request loaders of the assets domain; registered in app/loaders.ts. */
export function assetLoaders() {
  return {
    assetById: leanByIdLoader<AssetDoc>(AssetModel),
    /** A list of productions (or episodes) with their assets costs one query, not one each. */
    assetsByProductionId: leanGroupLoader<AssetDoc>(AssetModel, "productionId", MAX_ASSETS),
    assetsByEpisodeId: leanGroupLoader<AssetDoc>(AssetModel, "episodeId", MAX_ASSETS),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof assetLoaders> {}
}
