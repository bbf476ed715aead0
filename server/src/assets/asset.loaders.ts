import { leanByIdLoader } from "../productions/loader-utils.js";
import { AssetModel, type AssetDoc } from "./asset.model.js";

/** Per-request loaders of the assets domain; registered in app/loaders.ts. */
export function assetLoaders() {
  return { assetById: leanByIdLoader<AssetDoc>(AssetModel) };
}
