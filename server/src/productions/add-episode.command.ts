import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { EpisodeModel } from "./episode.model.js";
import { type Episode, toEpisode } from "./episode.type.js";
import { requireProduction } from "./production.access.js";
import { canAddEpisode } from "./production.policy.js";
import { isDuplicateKey, requiredText } from "../core/text.js";

export async function addEpisodeCommand(
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
  const created = await runCommand("productions/add-episode", async (tx) => {
    const [episode] = await EpisodeModel.create(
      [{ productionId: production._id, number, title: cleanTitle }],
      { session: tx.session },
    );
    if (!episode) throw new Error("EpisodeModel.create returned no document");
    await recordEvents(tx, production._id, new Types.ObjectId(member.userId), [
      { type: EventType.EPISODE_ADDED, episodeId: episode._id },
    ]);
    return episode.toObject();
  }).catch((e: unknown) => {
    throw isDuplicateKey(e) ? conflict(`Episode ${number} already exists.`) : e;
  });
  ctx.loaders.episodesByProductionId.clear(productionId);
  return toEpisode(created);
}
