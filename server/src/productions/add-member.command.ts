import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput, conflict, forbidden, notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { UserModel } from "../users/user.model.js";
import { MAX_MEMBERS, MembershipModel } from "./membership.model.js";
import type { Role } from "./production.enums.js";
import { requireProduction } from "./production.access.js";
import { canGrantRole, canManageMembers } from "./production.policy.js";
import { type Member, toMember } from "./production.type.js";
import { isDuplicateKey } from "../core/text.js";

/**
 * Precedence: NOT_FOUND (production) -> FORBIDDEN (role) -> then the email, which names something
 * else: NOT_FOUND when no account has it -> CONFLICT when already a member.
 */
export async function addMemberCommand(
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
  await runCommand("productions/add-member", async (tx) => {
    await MembershipModel.create([{ productionId: production._id, userId: user._id, role, joinedAt }], {
      session: tx.session,
    });
    await recordEvents(tx, production._id, new Types.ObjectId(member.userId), [
      { type: EventType.MEMBER_ADDED, memberUserId: user._id, memberRole: role },
    ]);
  }).catch((e: unknown) => {
    throw isDuplicateKey(e) ? conflict("This user is already a member of the production.") : e;
  });
  ctx.loaders.membersByProductionId.clear(productionId);
  return toMember({ userId: user._id, role, joinedAt });
}
