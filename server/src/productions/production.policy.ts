import { Role } from "./production.enums.js";

/** A member as policies see it. */
export interface PolicyMember {
  userId: string;
  role: Role;
}

const MANAGERS: ReadonlySet<Role> = new Set([Role.SHOWRUNNER, Role.PRODUCER]);

/** addMember, removeMember (contract: SHOWRUNNER, PRODUCER). */
export const canManageMembers = (member: PolicyMember): boolean => MANAGERS.has(member.role);

/**
 * The showrunner's standing is the showrunner's to give: only a SHOWRUNNER may make someone a
 * SHOWRUNNER. Otherwise a PRODUCER could promote an account they control and remove the real
 * showrunner (issue 13).
 */
export const canGrantRole = (member: PolicyMember, role: Role): boolean =>
  canManageMembers(member) && (role !== Role.SHOWRUNNER || member.role === Role.SHOWRUNNER);

/** removeMember: managers remove members; only a SHOWRUNNER removes a SHOWRUNNER or a PRODUCER. */
export const canRemoveMember = (member: PolicyMember, targetRole: Role): boolean =>
  canManageMembers(member) && (member.role === Role.SHOWRUNNER || !MANAGERS.has(targetRole));

/** setProductionStage (contract: SHOWRUNNER, PRODUCER). */
export const canSetStage = (member: PolicyMember): boolean => MANAGERS.has(member.role);

/** addEpisode: the same people who shape the production. */
export const canAddEpisode = (member: PolicyMember): boolean => MANAGERS.has(member.role);
