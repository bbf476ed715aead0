import { AssetKind } from "../assets/asset.enums.js";
import { cutAnchorMapper } from "../edits/conform-mapper.js";
import { registerAnchorMapper } from "../versions/carry-notes.js";

/**
 * The composition side of versions/carry-notes.ts's mapper port: the cut conform lives in edits/,
 * which versions/ may not import. Called by createAppServer and the seed before any version is
 * added; registering again is harmless.
 */
export function registerCarryMappers(): void {
  registerAnchorMapper(AssetKind.CUT, cutAnchorMapper);
}
