import DataLoader from "dataloader";
import { leanGroupLoader } from "../productions/loader-utils.js";
import { parseId } from "../productions/object-id.js";
import { MAX_VERSIONS_PER_ASSET, VersionModel, type VersionDoc } from "./version.model.js";

/** Per-request loaders of the versions domain; registered in app/loaders.ts. */
export function versionLoaders() {
  return {
    /**
     * Versions by id; unknown or malformed ids -> null. Read with the driver: every mutation on a
     * version's notes reads it, and a lean mongoose query returns the same raw document while
     * costing about as much client CPU again in query building (the filter is already typed).
     */
    versionById: new DataLoader<string, VersionDoc | null>(async (ids) => {
      const valid = ids.map(parseId).filter((id) => id !== null);
      const docs =
        valid.length === 0
          ? []
          : ((await VersionModel.collection
              .find({ _id: { $in: valid } })
              .toArray()) as unknown as VersionDoc[]);
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** An asset's versions in number order (creation order is number order). */
    versionsByAssetId: leanGroupLoader<VersionDoc>(VersionModel, "assetId", MAX_VERSIONS_PER_ASSET),
  };
}
