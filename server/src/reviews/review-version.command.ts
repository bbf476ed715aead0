import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { type CommandTx, runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { type EventDraft, recordEvents } from "../events/event.service.js";
import { MAX_MEMBERS, MembershipModel } from "../productions/membership.model.js";
import type { Role } from "../productions/production.enums.js";
import { optionalText } from "../core/text.js";
import { VersionStatus } from "../versions/version.enums.js";
import { VersionModel, type VersionDoc } from "../versions/version.model.js";
import { requireVersion } from "../versions/version.service.js";
import type { Version } from "../versions/version.type.js";
import { approvalState, isFullyApproved } from "./approval.js";
import { ReviewDecision } from "./review.enums.js";
import { MAX_REVIEWS_PER_VERSION, ReviewModel } from "./review.model.js";
import { canReview } from "./review.policy.js";
import { refresh, statusChanged } from "./review.service.js";
import { transition } from "../versions/version.lifecycle.js";

/**
 * A decision in the current round. REQUEST_CHANGES sends the version back; an APPROVE that
 * completes the approvals the kind needs moves it to APPROVED in the same transaction. Two
 * concurrent approvers both allocate seqs on the production, so one transaction conflicts and
 * re-runs after the other committed: it then sees both approvals (no write skew).
 */
export async function reviewVersionCommand(
  ctx: Context,
  versionId: string,
  decision: ReviewDecision,
  commentInput: string | null | undefined,
): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canReview(member, version.kind)) {
    throw forbidden(`Your role (${member.role}) cannot review ${version.kind.toLowerCase()} versions.`);
  }
  const comment = optionalText(commentInput, "comment", 2000);
  if (version.status !== VersionStatus.IN_REVIEW)
    throw conflict(`A ${version.status} version cannot be reviewed.`);
  const by = new Types.ObjectId(member.userId);
  const record = {
    versionId: version._id,
    productionId: version.productionId,
    reviewerId: by,
    role: member.role,
    decision,
    comment,
    round: version.round,
  };
  const result = await runCommand("reviews/review-version", async (tx) => {
    const { session } = tx;
    if (decision === ReviewDecision.REQUEST_CHANGES) {
      const updated = await transition(
        session,
        version,
        [VersionStatus.IN_REVIEW],
        VersionStatus.CHANGES_REQUESTED,
        by,
        {
          round: version.round,
        },
      );
      if (!updated) throw conflict("The version is no longer in review.");
      const review = await new ReviewModel({ ...record, createdAt: new Date() }).save({ session });
      await recordEvents(tx, version.productionId, by, [
        { type: EventType.REVIEW_DECIDED, versionId: version._id, reviewId: review._id },
        statusChanged(version, VersionStatus.CHANGES_REQUESTED),
      ]);
      return updated;
    }
    return approve(tx, version, record, by);
  });
  ctx.loaders.reviewsByVersionId.clear(versionId);
  return refresh(ctx, result ?? version);
}

async function approve(
  tx: CommandTx,
  version: VersionDoc,
  record: Record<string, unknown> & { round: number },
  by: Types.ObjectId,
): Promise<VersionDoc | null> {
  const { session } = tx;
  // A second approval by the same person in this round changes nothing.
  const already = await ReviewModel.exists({
    versionId: version._id,
    round: version.round,
    reviewerId: by,
    decision: ReviewDecision.APPROVE,
  }).session(session);
  if (already) return VersionModel.findById(version._id).session(session).lean();
  const review = await new ReviewModel({ ...record, createdAt: new Date() }).save({ session });
  // One after the other: a transaction's session runs one operation at a time.
  const roundReviews = await ReviewModel.find({ versionId: version._id, round: version.round })
    .sort({ _id: 1 })
    .limit(MAX_REVIEWS_PER_VERSION)
    .session(session)
    .lean();
  const holders = await MembershipModel.find({ productionId: version.productionId }, { role: 1 })
    .limit(MAX_MEMBERS)
    .session(session)
    .lean();
  const state = approvalState(
    version.kind,
    new Set<Role>(holders.map((h) => h.role)),
    roundReviews.map((r) => ({ ...r, reviewerId: String(r.reviewerId) })),
  );
  const required = state.filter((r) => r.required);
  const events: EventDraft[] = [
    {
      type: EventType.REVIEW_DECIDED,
      versionId: version._id,
      reviewId: review._id,
      approvals: required.filter((r) => r.approvedBy !== null).length,
      approvalsRequired: required.length,
    },
  ];
  let result: VersionDoc | null = null;
  if (isFullyApproved(state)) {
    result = await transition(session, version, [VersionStatus.IN_REVIEW], VersionStatus.APPROVED, by, {
      round: version.round,
    });
    if (result) {
      events.push(statusChanged(version, VersionStatus.APPROVED));
    }
  }
  await recordEvents(tx, version.productionId, by, events);
  return result ?? VersionModel.findById(version._id).session(session).lean();
}
