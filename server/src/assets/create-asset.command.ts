import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { isId } from "../core/ids.js";
import { requireProduction } from "../productions/production.access.js";
import { requiredText } from "../core/text.js";
import type { AssetKind } from "./asset.enums.js";
import { AssetModel } from "./asset.model.js";
import { canCreateAsset } from "./asset.policy.js";
import { type Asset, toAsset } from "./asset.type.js";

export async function createAssetCommand(
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
  const by = new Types.ObjectId(member.userId);
  const created = await runCommand("assets/create-asset", async (tx) => {
    const [asset] = await AssetModel.create(
      [
        {
          productionId: production._id,
          episodeId,
          kind: input.kind,
          title,
          createdBy: by,
          createdAt: new Date(),
        },
      ],
      { session: tx.session },
    );
    if (!asset) throw new Error("AssetModel.create returned no document");
    await recordEvents(tx, production._id, by, [{ type: EventType.ASSET_CREATED, assetId: asset._id }]);
    return asset.toObject();
  });
  ctx.loaders.assetsByProductionId.clear(input.productionId);
  if (episodeId) ctx.loaders.assetsByEpisodeId.clear(String(episodeId));
  return toAsset(created);
}
