import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import type { Role } from "./production.enums.js";
import type { ProductionDoc } from "./production.model.js";
import { membershipKey } from "./production.loaders.js";
import { isId } from "../core/ids.js";

/** The viewer as a member of one production: what policies decide on. */
export interface MemberRef {
  userId: string;
  productionId: string;
  role: Role;
}

/** The viewer's membership of a production, or null (not signed in, not a member, bad id). */
export async function viewerMembership(ctx: Context, productionId: string): Promise<MemberRef | null> {
  if (!ctx.viewer || !isId(productionId)) return null;
  const m = await ctx.loaders.membershipByKey.load(membershipKey(productionId, ctx.viewer.userId));
  return m ? { userId: ctx.viewer.userId, productionId, role: m.role } : null;
}

/**
 * Error precedence steps 1 and 2: UNAUTHENTICATED, then NOT_FOUND when the production does not
 * exist or the viewer is not a member (non-members cannot learn that it exists).
 */
export async function requireMembership(
  ctx: Context,
  productionId: string,
  what = "Production",
): Promise<MemberRef> {
  requireViewer(ctx);
  const member = await viewerMembership(ctx, productionId);
  if (!member) throw notFound(what);
  return member;
}

export async function requireProduction(
  ctx: Context,
  productionId: string,
): Promise<{ production: ProductionDoc; member: MemberRef }> {
  const [member, production] = await Promise.all([
    requireMembership(ctx, productionId),
    isId(productionId) ? ctx.loaders.productionById.load(productionId) : Promise.resolve(null),
  ]);
  if (!production) throw notFound("Production");
  return { production, member };
}
