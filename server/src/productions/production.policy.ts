import { Role } from "./production.enums.js";

/** A member as policies see it. */
export interface PolicyMember {
  userId: string;
  role: Role;
}

const MANAGERS: ReadonlySet<Role> = new Set([Role.SHOWRUNNER, Role.PRODUCER]);

/** addMember, removeMember (contract: SHOWRUNNER, PRODUCER). */
export const canManageMembers = (member: PolicyMember): boolean => MANAGERS.has(member.role);

/** setProductionStage (contract: SHOWRUNNER, PRODUCER). */
export const canSetStage = (member: PolicyMember): boolean => MANAGERS.has(member.role);

/** addEpisode: the same people who shape the production. */
export const canAddEpisode = (member: PolicyMember): boolean => MANAGERS.has(member.role);
