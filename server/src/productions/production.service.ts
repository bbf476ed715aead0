import { Types } from "mongoose";
import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { MembershipModel } from "./membership.model.js";
import { viewerMembership } from "./production.access.js";
import { type Production, toProduction } from "./production.type.js";

/** Cap on "my productions" (no unbounded queries). */
export const MAX_PRODUCTIONS_LISTED = 500;

export async function listMyProductions(ctx: Context): Promise<Production[]> {
  const viewer = requireViewer(ctx);
  const memberships = await MembershipModel.find(
    { userId: new Types.ObjectId(viewer.userId) },
    { productionId: 1 },
  )
    .sort({ joinedAt: 1 })
    .limit(MAX_PRODUCTIONS_LISTED)
    .lean();
  const docs = await Promise.all(
    memberships.map((m) => ctx.loaders.productionById.load(String(m.productionId))),
  );
  return docs.filter((d) => d !== null).map(toProduction);
}

/** Single-object query: null for unknown, malformed, or not a member. */
export async function findProduction(ctx: Context, id: string): Promise<Production | null> {
  requireViewer(ctx);
  if (!(await viewerMembership(ctx, id))) return null;
  const doc = await ctx.loaders.productionById.load(id);
  return doc ? toProduction(doc) : null;
}
