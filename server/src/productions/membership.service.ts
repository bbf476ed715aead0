import type { Context } from "../core/context.js";
import { type Member, toMember } from "./production.type.js";

export async function listMembers(ctx: Context, productionId: string): Promise<Member[]> {
  const docs = await ctx.loaders.membersByProductionId.load(productionId);
  return docs.map(toMember);
}
