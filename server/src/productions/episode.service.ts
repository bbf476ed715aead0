import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { EpisodeModel } from "./episode.model.js";
import { type Episode, toEpisode } from "./episode.type.js";
import { requireProduction } from "./production.access.js";
import { canAddEpisode } from "./production.policy.js";
import { isDuplicateKey, requiredText } from "../core/text.js";

export async function listEpisodes(ctx: Context, productionId: string): Promise<Episode[]> {
  const docs = await ctx.loaders.episodesByProductionId.load(productionId);
  return [...docs].sort((a, b) => a.number - b.number).map(toEpisode);
}

export async function addEpisode(
  ctx: Context,
  productionId: string,
  number: number,
  title: string,
): Promise<Episode> {
  const { production, member } = await requireProduction(ctx, productionId);
  if (!canAddEpisode(member)) throw forbidden("Only the showrunner or a producer can add episodes.");
  if (!Number.isInteger(number) || number < 1 || number > 99_999) {
    throw badInput("number must be between 1 and 99999.", { number: "out of range" });
  }
  const cleanTitle = requiredText(title, "title", 200);
  const created = await new EpisodeModel({ productionId: production._id, number, title: cleanTitle })
    .save()
    .catch((e: unknown) => {
      throw isDuplicateKey(e) ? conflict(`Episode ${number} already exists.`) : e;
    });
  ctx.loaders.episodesByProductionId.clear(productionId);
  await recordEvents(production._id, new Types.ObjectId(member.userId), [
    { type: EventType.EPISODE_ADDED, episodeId: created._id },
  ]);
  return toEpisode(created.toObject());
}
