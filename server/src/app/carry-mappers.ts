import { AssetKind } from "../assets/asset.enums.js";
import { cutAnchorMapper } from "../edits/conform-mapper.js";
import { mixAnchorMapper } from "../edits/mix-conform-mapper.js";
import { importFountainNotes } from "../notes/import-fountain-notes.js";
import { registerAnchorMapper } from "../versions/carry-notes.js";
import { registerScriptNoteImporter } from "../versions/script-note-import.js";

/**
 * The composition side of versions/' ports: the cut and mix conform (edits/) and the Fountain note import
 * (notes/) live in later layers, which versions/ may not import. Called by createAppServer and the seed before any version is
 * added; registering again is harmless.
 */
export function registerCarryMappers(): void {
  registerAnchorMapper(AssetKind.CUT, cutAnchorMapper);
  // Mixes follow picture: mapped through the conform of the cuts they were mixed against.
  registerAnchorMapper(AssetKind.MIX, mixAnchorMapper);
  registerScriptNoteImporter(importFountainNotes);
}
