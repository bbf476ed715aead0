import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { isId } from "../core/ids.js";
import { membershipKey } from "../productions/production.loaders.js";
import type { MentionDoc } from "./note.model.js";
import { parseMentions } from "./mentions.js";

/** Resolves @mentions against the production's members (one members query + one users batch). */
export async function mentionsIn(ctx: Context, productionId: string, body: string): Promise<MentionDoc[]> {
  if (!body.includes("@")) return [];
  const members = await ctx.loaders.membersByProductionId.load(productionId);
  const users = await ctx.loaders.userById.loadMany(members.map((m) => String(m.userId)));
  const candidates = users.flatMap((u) =>
    u && !(u instanceof Error) ? [{ userId: u.id, name: u.name, email: u.email }] : [],
  );
  return parseMentions(body, candidates).map((m) => ({
    kind: m.kind,
    label: m.label,
    userId: m.userId ? new Types.ObjectId(m.userId) : null,
    role: m.role,
  }));
}

/** The assignee must be a member of the production (BAD_USER_INPUT otherwise). */
export async function assigneeOf(ctx: Context, productionId: string, assigneeId: string | null | undefined) {
  if (assigneeId == null) return null;
  const m = isId(assigneeId)
    ? await ctx.loaders.membershipByKey.load(membershipKey(productionId, assigneeId))
    : null;
  if (!m) throw badInput("The assignee must be a member of the production.", { assigneeId: "not a member" });
  return m.userId;
}
