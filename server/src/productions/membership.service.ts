import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden, notFound } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { UserModel } from "../users/user.model.js";
import { MAX_MEMBERS, MembershipModel } from "./membership.model.js";
import { Role } from "./production.enums.js";
import { requireMembership, requireProduction } from "./production.access.js";
import { canGrantRole, canManageMembers, canRemoveMember } from "./production.policy.js";
import { type Member, toMember } from "./production.type.js";
import { isId } from "../core/ids.js";
import { isDuplicateKey } from "../core/text.js";

export async function listMembers(ctx: Context, productionId: string): Promise<Member[]> {
  const docs = await ctx.loaders.membersByProductionId.load(productionId);
  return docs.map(toMember);
}

/**
 * Precedence: NOT_FOUND (production) -> FORBIDDEN (role) -> then the email, which names something
 * else: NOT_FOUND when no account has it -> CONFLICT when already a member.
 */
export async function addMember(
  ctx: Context,
  productionId: string,
  email: string,
  role: Role,
): Promise<Member> {
  const { production, member } = await requireProduction(ctx, productionId);
  if (!canManageMembers(member)) throw forbidden("Only the showrunner or a producer can add members.");
  if (!canGrantRole(member, role)) throw forbidden("Only a showrunner can make someone a showrunner.");
  const normalised = (email ?? "").trim().toLowerCase();
  if (normalised.length === 0 || normalised.length > 320)
    throw badInput("email is required.", { email: "required" });
  const user = await UserModel.findOne({ email: normalised }, { _id: 1 }).lean();
  if (!user) throw notFound("User with this email");
  const count = await MembershipModel.countDocuments({ productionId: production._id });
  if (count >= MAX_MEMBERS) throw conflict(`A production has at most ${MAX_MEMBERS} members.`);
  const joinedAt = new Date();
  try {
    await MembershipModel.create({ productionId: production._id, userId: user._id, role, joinedAt });
  } catch (e) {
    if (isDuplicateKey(e)) throw conflict("This user is already a member of the production.");
    throw e;
  }
  ctx.loaders.membersByProductionId.clear(productionId);
  await recordEvents(production._id, new Types.ObjectId(member.userId), [
    { type: EventType.MEMBER_ADDED, memberUserId: user._id, memberRole: role },
  ]);
  return toMember({ userId: user._id, role, joinedAt });
}

/** The last showrunner cannot be removed (CONFLICT): a production always has someone to lock. */
export async function removeMember(ctx: Context, productionId: string, userId: string): Promise<boolean> {
  const member = await requireMembership(ctx, productionId);
  if (!canManageMembers(member)) throw forbidden("Only the showrunner or a producer can remove members.");
  if (!isId(userId)) throw notFound("Member");
  const pid = new Types.ObjectId(productionId);
  const target = await MembershipModel.findOne({
    productionId: pid,
    userId: new Types.ObjectId(userId),
  }).lean();
  if (!target) throw notFound("Member");
  if (!canRemoveMember(member, target.role))
    throw forbidden("Only a showrunner can remove a showrunner or a producer.");
  if (target.role === Role.SHOWRUNNER) {
    const showrunners = await MembershipModel.countDocuments({ productionId: pid, role: Role.SHOWRUNNER });
    if (showrunners <= 1) throw conflict("The last showrunner cannot be removed.");
  }
  const removed = await MembershipModel.deleteOne({ _id: target._id });
  if (removed.deletedCount === 0) return true; // removed concurrently: the other call recorded it
  ctx.loaders.membersByProductionId.clear(productionId);
  ctx.loaders.membershipByKey.clear(`${productionId}:${userId}`);
  await recordEvents(pid, new Types.ObjectId(member.userId), [
    { type: EventType.MEMBER_REMOVED, memberUserId: target.userId, memberRole: target.role },
  ]);
  return true;
}
