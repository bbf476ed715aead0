import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import type { PolicyMember } from "../productions/production.policy.js";

/** The kind's approving roles (contract): SCRIPT by the showrunner, CUT and MIX by director and showrunner. */
const APPROVERS: Readonly<Record<AssetKind, readonly Role[]>> = {
  [AssetKind.SCRIPT]: [Role.SHOWRUNNER],
  [AssetKind.CUT]: [Role.DIRECTOR, Role.SHOWRUNNER],
  [AssetKind.MIX]: [Role.DIRECTOR, Role.SHOWRUNNER],
};

export const approvingRoles = (kind: AssetKind): readonly Role[] => APPROVERS[kind];

/** reviewVersion. */
export const canReview = (member: PolicyMember, kind: AssetKind): boolean =>
  APPROVERS[kind].includes(member.role);

/** lockVersion. */
export const canLock = (member: PolicyMember): boolean => member.role === Role.SHOWRUNNER;
