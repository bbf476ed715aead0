import type { AssetKind } from "../assets/asset.enums.js";
import type { Role } from "../productions/production.enums.js";
import { ReviewDecision } from "./review.enums.js";
import { approvingRoles } from "./review.policy.js";

export interface RoundReview {
  reviewerId: string;
  role: Role;
  decision: ReviewDecision;
  createdAt: Date;
}

export interface RoleApprovalState {
  role: Role;
  /** Only roles held by at least one member are waited for. */
  required: boolean;
  approvedBy: string | null;
  approvedAt: Date | null;
}

/**
 * The approval rule of the contract: a version in review becomes APPROVED once every approving
 * role of its kind that has at least one member has approved since the latest submission. One
 * approval by any holder of the role is enough; the first one is the one shown.
 * `reviews` are the decisions of the current round, in creation order.
 */
export function approvalState(
  kind: AssetKind,
  rolesWithMembers: ReadonlySet<Role>,
  reviews: readonly RoundReview[],
): RoleApprovalState[] {
  return approvingRoles(kind).map((role) => {
    const first = reviews.find((r) => r.decision === ReviewDecision.APPROVE && r.role === role);
    return {
      role,
      required: rolesWithMembers.has(role),
      approvedBy: first?.reviewerId ?? null,
      approvedAt: first?.createdAt ?? null,
    };
  });
}

export function isFullyApproved(state: readonly RoleApprovalState[]): boolean {
  const required = state.filter((s) => s.required);
  return required.length > 0 && required.every((s) => s.approvedBy !== null);
}
