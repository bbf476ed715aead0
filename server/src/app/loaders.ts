import { userLoaders } from "../users/user.loaders.js";
import { assetLoaders } from "../assets/asset.loaders.js";
import { editLoaders } from "../edits/edit.loaders.js";
import { noteLoaders } from "../notes/note.loaders.js";
import { productionLoaders } from "../productions/production.loaders.js";
import { reviewLoaders } from "../reviews/review.loaders.js";
import { versionLoaders } from "../versions/version.loaders.js";
import type { Loaders } from "../core/context.js";

export type { Loaders };

/*
 * Per-request DataLoaders. Each domain exports `<domain>Loaders()` returning an object of
 * DataLoaders from its own folder (e.g. `productions/production.loaders.ts`) and registers it in
 * the list inside `createLoaders` below. Loader names must be unique across domains
 * (`productionById`, `versionsByAssetId`, ...). Each also adds its loaders to the `Loaders`
 * interface of core/context.ts, which this function must fill.
 */
export function createLoaders(): Loaders {
  return {
    ...userLoaders(),
    // ---- Registrations: domain helpers append `...xxxLoaders(),` lines below this one. ----
    ...productionLoaders(),
    ...assetLoaders(),
    ...versionLoaders(),
    ...noteLoaders(),
    ...reviewLoaders(),
    ...editLoaders(),
  };
}
