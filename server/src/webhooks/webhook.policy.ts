import { Role } from "../productions/production.enums.js";
import type { PolicyMember } from "../productions/production.policy.js";

const MANAGERS: ReadonlySet<Role> = new Set([Role.SHOWRUNNER, Role.PRODUCER]);

/** Webhooks send the production's whole activity off-site: the people who run it decide. */
export const canManageWebhooks = (member: PolicyMember): boolean => MANAGERS.has(member.role);
