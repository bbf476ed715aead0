import { leanByIdLoader, leanGroupLoader } from "../core/lean-loaders.js";
import { MAX_VERSIONS_PER_ASSET, VersionModel, type VersionDoc } from "./version.model.js";

/** Per-request loaders of the versions domain; registered in app/loaders.ts. */
export function versionLoaders() {
  return {
    // Through mongoose, not the driver: realtime executions read versions inside
    // `realtimeDb.run` (app/realtime-db.ts), whose bound hooks mongoose queries only.
    versionById: leanByIdLoader<VersionDoc>(VersionModel),
    /** An asset's versions in number order (creation order is number order). */
    versionsByAssetId: leanGroupLoader<VersionDoc>(VersionModel, "assetId", MAX_VERSIONS_PER_ASSET),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof versionLoaders> {}
}
