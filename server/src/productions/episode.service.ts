import type { Context } from "../core/context.js";
import { type Episode, toEpisode } from "./episode.type.js";

export async function listEpisodes(ctx: Context, productionId: string): Promise<Episode[]> {
  const docs = await ctx.loaders.episodesByProductionId.load(productionId);
  return [...docs].sort((a, b) => a.number - b.number).map(toEpisode);
}
