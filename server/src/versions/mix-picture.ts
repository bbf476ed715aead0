import type { Types } from "mongoose";
import { AssetKind } from "../assets/asset.enums.js";
import { parseId } from "../core/ids.js";
import { badInput } from "../errors/app-errors.js";
import type { CommandTx } from "../events/command.js";
import { VersionModel } from "./version.model.js";

const FIELD = "pictureVersionId";

/**
 * Mixes follow picture (#16): a MIX version may name the CUT version it was mixed against. Read in
 * the addVersion transaction, so the picture cannot be a version of another production or kind; an
 * unknown id is refused like a wrong one (the caller may not learn what exists elsewhere).
 */
export async function pictureOfMix(
  tx: CommandTx,
  asset: { kind: AssetKind; productionId: Types.ObjectId },
  id: string | null | undefined,
): Promise<Types.ObjectId | null> {
  if (id === null || id === undefined) return null;
  if (asset.kind !== AssetKind.MIX) {
    throw badInput(`Invalid version: ${FIELD} only for MIX versions.`, { [FIELD]: "only for MIX versions" });
  }
  const refused = badInput(`Invalid version: ${FIELD} must be a CUT version of this production.`, {
    [FIELD]: "not a CUT version of this production",
  });
  const _id = parseId(id);
  if (!_id) throw refused;
  const cut = await VersionModel.findOne({ _id, productionId: asset.productionId }, { kind: 1 })
    .session(tx.session)
    .lean();
  if (!cut || cut.kind !== AssetKind.CUT) throw refused;
  return cut._id;
}
