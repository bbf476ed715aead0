import { acceptsNotes } from "../versions/version.lifecycle.js";
import type { Context } from "../core/context.js";
import { canAddVersion, canSubmitForReview, makerRoles } from "../assets/asset.policy.js";
import { canAddNote } from "../notes/note.policy.js";
import type { Role } from "../productions/production.enums.js";
import { viewerMembership } from "../productions/production.access.js";
import { approvalState, type RoleApprovalState } from "./approval.js";
import { ReviewDecision } from "./review.enums.js";
import { approvingRoles, canLock, canReview } from "./review.policy.js";
import { VersionStatus } from "../versions/version.enums.js";
import { type Version, VersionPermissions } from "../versions/version.type.js";

const roleList = (roles: readonly Role[]) =>
  roles.map((r) => r.toLowerCase().replace("_", " ")).join(roles.length > 2 ? ", " : " or ");

/** The approving roles' state in the current submission round (see reviews/approval.ts). */
export async function currentApprovals(ctx: Context, v: Version): Promise<RoleApprovalState[]> {
  const [members, reviews] = await Promise.all([
    ctx.loaders.membersByProductionId.load(v.productionId),
    v.round > 0 ? ctx.loaders.reviewsByVersionId.load(v.id) : Promise.resolve([]),
  ]);
  const roundReviews = reviews
    .filter((r) => r.round === v.round)
    .map((r) => ({
      reviewerId: String(r.reviewerId),
      role: r.role,
      decision: r.decision,
      createdAt: r.createdAt,
    }));
  return approvalState(v.kind, new Set(members.map((m) => m.role)), roundReviews);
}

/** Version.viewerCan, with a human reason when review, submit or lock is not possible. */
export async function versionPermissions(ctx: Context, v: Version): Promise<VersionPermissions> {
  const m = await viewerMembership(ctx, v.productionId);
  const perms = Object.assign(new VersionPermissions(), {
    addVersion: false,
    addNote: false,
    submitForReview: false,
    review: false,
    lock: false,
    reason: null as string | null,
  });
  if (!m) return { ...perms, reason: "You are not a member of this production." };
  const kind = v.kind.toLowerCase();
  perms.addVersion = canAddVersion(m, v.kind);
  perms.addNote = canAddNote(m) && acceptsNotes(v.status);
  const submitter = canSubmitForReview(m, v.kind);
  const reviewer = canReview(m, v.kind);
  switch (v.status) {
    case VersionStatus.DRAFT:
    case VersionStatus.CHANGES_REQUESTED:
      perms.submitForReview = submitter;
      if (!submitter)
        perms.reason = `Only the ${roleList(makerRoles(v.kind))} can submit this ${kind} for review.`;
      else if (reviewer) perms.reason = "Submit the version for review before it can be approved.";
      break;
    case VersionStatus.IN_REVIEW: {
      if (!reviewer) {
        perms.reason = `In review: only the ${roleList(approvingRoles(v.kind))} can approve or request changes.`;
        break;
      }
      const reviews = v.round > 0 ? await ctx.loaders.reviewsByVersionId.load(v.id) : [];
      const approved = reviews.some(
        (r) =>
          r.round === v.round && String(r.reviewerId) === m.userId && r.decision === ReviewDecision.APPROVE,
      );
      perms.review = !approved;
      if (approved) {
        const waiting = (await currentApprovals(ctx, v))
          .filter((s) => s.required && !s.approvedBy)
          .map((s) => s.role);
        perms.reason = `You approved this round; waiting for the ${roleList(waiting)}.`;
      }
      break;
    }
    case VersionStatus.APPROVED:
      perms.lock = canLock(m);
      if (!perms.lock) perms.reason = "Approved: only the showrunner can lock it.";
      break;
    case VersionStatus.LOCKED:
      perms.reason = "Locked: this version no longer changes and takes no notes.";
      break;
  }
  return perms;
}
