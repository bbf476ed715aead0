import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { canSubmitForReview } from "../assets/asset.policy.js";
import { conflict, forbidden } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { type EventDraft, recordEvents } from "../events/event.service.js";
import { MAX_MEMBERS, MembershipModel } from "../productions/membership.model.js";
import type { Role } from "../productions/production.enums.js";
import { optionalText } from "../core/text.js";
import { VersionStatus } from "../versions/version.enums.js";
import { VersionModel, type VersionDoc } from "../versions/version.model.js";
import { requireVersion } from "../versions/version.service.js";
import { toVersion, type Version } from "../versions/version.type.js";
import { approvalState, isFullyApproved } from "./approval.js";
import { ReviewDecision } from "./review.enums.js";
import { MAX_REVIEWS_PER_VERSION, ReviewModel } from "./review.model.js";
import { canLock, canReview } from "./review.policy.js";

/**
 * Moves a version from one of `from` to `to` with one conditional update, so concurrent callers
 * cannot both transition it. Returns the updated version, or null when the status had moved on.
 */
async function transition(
  version: VersionDoc,
  from: readonly VersionStatus[],
  to: VersionStatus,
  by: Types.ObjectId,
  extra: { round?: number; newRound?: boolean } = {},
): Promise<VersionDoc | null> {
  const at = new Date();
  const filter: Record<string, unknown> = { _id: version._id, status: { $in: from } };
  if (extra.round !== undefined) filter.round = extra.round;
  const update: Record<string, unknown> = {
    $set: { status: to, ...(extra.newRound ? { submittedAt: at } : {}) },
    $push: { statusHistory: { from: version.status, to, by, at } },
  };
  if (extra.newRound) update.$inc = { round: 1 };
  const updated = await VersionModel.findOneAndUpdate(filter, update, { returnDocument: "after" }).lean();
  if (!updated) return null;
  // The history entry's `from` is the status we read; the filter guarantees it was one of `from`.
  return updated;
}

function refresh(ctx: Context, doc: VersionDoc): Version {
  ctx.loaders.versionById.clear(String(doc._id)).prime(String(doc._id), doc);
  ctx.loaders.versionsByAssetId.clear(String(doc.assetId));
  return toVersion(doc);
}

export async function submitForReview(ctx: Context, versionId: string): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canSubmitForReview(member, version.kind)) {
    throw forbidden(
      `Your role (${member.role}) cannot submit ${version.kind.toLowerCase()} versions for review.`,
    );
  }
  const by = new Types.ObjectId(member.userId);
  const from = [VersionStatus.DRAFT, VersionStatus.CHANGES_REQUESTED];
  if (!from.includes(version.status))
    throw conflict(`A ${version.status} version cannot be submitted for review.`);
  const updated = await transition(version, from, VersionStatus.IN_REVIEW, by, { newRound: true });
  if (!updated) throw conflict("The version's status changed meanwhile; reload and try again.");
  await recordEvents(version.productionId, by, [
    { type: EventType.REVIEW_REQUESTED, versionId: version._id, assetId: version.assetId },
    { type: EventType.VERSION_STATUS_CHANGED, versionId: version._id, assetId: version.assetId },
  ]);
  return refresh(ctx, updated);
}

export async function reviewVersion(
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
  const events: EventDraft[] = [];

  if (decision === ReviewDecision.REQUEST_CHANGES) {
    const updated = await transition(
      version,
      [VersionStatus.IN_REVIEW],
      VersionStatus.CHANGES_REQUESTED,
      by,
      {
        round: version.round,
      },
    );
    if (!updated) throw conflict("The version is no longer in review.");
    const review = await ReviewModel.create({ ...record, createdAt: new Date() });
    events.push(
      { type: EventType.REVIEW_DECIDED, versionId: version._id, reviewId: review._id },
      { type: EventType.VERSION_STATUS_CHANGED, versionId: version._id, assetId: version.assetId },
    );
    ctx.loaders.reviewsByVersionId.clear(versionId);
    await recordEvents(version.productionId, by, events);
    return refresh(ctx, updated);
  }

  // APPROVE. A second approval by the same person in this round changes nothing.
  const already = await ReviewModel.exists({
    versionId: version._id,
    round: version.round,
    reviewerId: by,
    decision: ReviewDecision.APPROVE,
  });
  if (already) return toVersion(version);
  const review = await ReviewModel.create({ ...record, createdAt: new Date() });
  events.push({ type: EventType.REVIEW_DECIDED, versionId: version._id, reviewId: review._id });
  ctx.loaders.reviewsByVersionId.clear(versionId);

  // Read after our insert: of two concurrent approvers, at least one sees both approvals.
  const [roundReviews, holders] = await Promise.all([
    ReviewModel.find({ versionId: version._id, round: version.round })
      .sort({ _id: 1 })
      .limit(MAX_REVIEWS_PER_VERSION)
      .lean(),
    MembershipModel.find({ productionId: version.productionId }, { role: 1 }).limit(MAX_MEMBERS).lean(),
  ]);
  const state = approvalState(
    version.kind,
    new Set<Role>(holders.map((h) => h.role)),
    roundReviews.map((r) => ({ ...r, reviewerId: String(r.reviewerId) })),
  );
  let result: VersionDoc = version;
  if (isFullyApproved(state)) {
    const updated = await transition(version, [VersionStatus.IN_REVIEW], VersionStatus.APPROVED, by, {
      round: version.round,
    });
    if (updated) {
      result = updated;
      events.push({
        type: EventType.VERSION_STATUS_CHANGED,
        versionId: version._id,
        assetId: version.assetId,
      });
    }
  }
  await recordEvents(version.productionId, by, events);
  if (result === version) {
    const fresh = await VersionModel.findById(version._id).lean();
    return refresh(ctx, fresh ?? version);
  }
  return refresh(ctx, result);
}

/** Picture, script or mix lock: APPROVED -> LOCKED, by the showrunner. A lock is final. */
export async function lockVersion(ctx: Context, versionId: string): Promise<Version> {
  const { version, member } = await requireVersion(ctx, versionId);
  if (!canLock(member)) throw forbidden("Only the showrunner can lock a version.");
  if (version.status !== VersionStatus.APPROVED)
    throw conflict(`A ${version.status} version cannot be locked.`);
  const by = new Types.ObjectId(member.userId);
  const updated = await transition(version, [VersionStatus.APPROVED], VersionStatus.LOCKED, by);
  if (!updated) throw conflict("The version's status changed meanwhile; reload and try again.");
  await recordEvents(version.productionId, by, [
    { type: EventType.VERSION_STATUS_CHANGED, versionId: version._id, assetId: version.assetId },
  ]);
  return refresh(ctx, updated);
}
