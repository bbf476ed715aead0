import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { conflict, forbidden, notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { membershipCache } from "./membership-cache.js";
import { MembershipModel } from "./membership.model.js";
import { Role } from "./production.enums.js";
import { requireMembership } from "./production.access.js";
import { canManageMembers, canRemoveMember } from "./production.policy.js";
import { isId } from "../core/ids.js";

/** The last showrunner cannot be removed (CONFLICT): a production always has someone to lock. */
export async function removeMemberCommand(
  ctx: Context,
  productionId: string,
  userId: string,
): Promise<boolean> {
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
  await runCommand("productions/remove-member", async (tx) => {
    if (target.role === Role.SHOWRUNNER) {
      // Counted in the transaction's snapshot: two showrunners removing each other conflict on
      // the production's seq counter, so the second recounts after the first committed.
      const showrunners = await MembershipModel.countDocuments({
        productionId: pid,
        role: Role.SHOWRUNNER,
      }).session(tx.session);
      if (showrunners <= 1) throw conflict("The last showrunner cannot be removed.");
    }
    const removed = await MembershipModel.deleteOne({ _id: target._id }, { session: tx.session });
    if (removed.deletedCount === 0) return; // removed concurrently: that command recorded it
    await recordEvents(tx, pid, new Types.ObjectId(member.userId), [
      { type: EventType.MEMBER_REMOVED, memberUserId: target.userId, memberRole: target.role },
    ]);
  });
  ctx.loaders.membersByProductionId.clear(productionId);
  ctx.loaders.membershipByKey.clear(`${productionId}:${userId}`);
  // Committed: this process's next request of that member reads the store (others: the feed).
  membershipCache.forget(String(target._id));
  return true;
}
