import { Role } from "../productions/production.enums.js";
import type { PolicyMember } from "../productions/production.policy.js";
import { AssetKind } from "./asset.enums.js";

/** Who makes assets of each kind: createAsset, addVersion, submitForReview (contract role table). */
const MAKERS: Readonly<Record<AssetKind, ReadonlySet<Role>>> = {
  [AssetKind.SCRIPT]: new Set([Role.SHOWRUNNER, Role.PRODUCER, Role.WRITER]),
  [AssetKind.CUT]: new Set([Role.SHOWRUNNER, Role.PRODUCER, Role.DIRECTOR, Role.EDITOR]),
  [AssetKind.MIX]: new Set([Role.SHOWRUNNER, Role.PRODUCER, Role.SOUND_DESIGNER]),
};

/** The kind's craft role, who may also triage notes (WRITER for SCRIPT, EDITOR for CUT, ...). */
export const KIND_MAKER_ROLE: Readonly<Record<AssetKind, Role>> = {
  [AssetKind.SCRIPT]: Role.WRITER,
  [AssetKind.CUT]: Role.EDITOR,
  [AssetKind.MIX]: Role.SOUND_DESIGNER,
};

export const canCreateAsset = (member: PolicyMember, kind: AssetKind): boolean =>
  MAKERS[kind].has(member.role);
export const canAddVersion = (member: PolicyMember, kind: AssetKind): boolean =>
  MAKERS[kind].has(member.role);
export const canSubmitForReview = (member: PolicyMember, kind: AssetKind): boolean =>
  MAKERS[kind].has(member.role);

export function makerRoles(kind: AssetKind): readonly Role[] {
  return [...MAKERS[kind]];
}
