import type { EventLean } from "../events/event.service.js";
import { EventType } from "../events/event.enums.js";
import type { Role } from "../productions/production.enums.js";
import type { Sink } from "./sinks.js";

/** Events that may change a subscriber's role (re-read before they are dispatched). */
export const MEMBER_EVENTS: ReadonlySet<string> = new Set([EventType.MEMBER_ADDED, EventType.MEMBER_REMOVED]);

/** What re-authorisation needs of a group: its role, its subscribers, the version it last saw. */
export interface RoleScoped {
  readonly spec: { readonly role: Role };
  readonly sinks: Iterable<Sink>;
  authVersion: number;
}

/**
 * The roles of a channel's local subscribers, re-checked before every delivery. Roles change only
 * through MEMBER_* events, which travel in the same ordered stream: before such an event is
 * dispatched, `refresh` re-reads the affected users' roles (one read per user per event, not per
 * subscriber) and bumps `version`; a group then costs one integer compare per event.
 */
export class ChannelRoles {
  private readonly roles = new Map<string, Role | null>();
  /** Bumped whenever a local subscriber's role changed. */
  version = 0;

  constructor(private readonly roleOf: (userId: string) => Promise<Role | null>) {}

  /** A subscriber authorised (at subscribe time) with this role. */
  note(userId: string, role: Role): void {
    this.roles.set(userId, role);
  }

  /** Whether the subscriber still holds `role`; if not, its subscription ends (complete). */
  authorized(sink: Sink, role: Role): boolean {
    if (this.roles.get(sink.userId) === role) return true;
    sink.end();
    return false;
  }

  /** Ends the group's subscribers whose role changed since the group last looked. */
  reauthorize(g: RoleScoped): void {
    if (g.authVersion === this.version) return;
    g.authVersion = this.version;
    for (const s of g.sinks) if (this.roles.get(s.userId) !== g.spec.role) s.end();
  }

  /** Before dispatching `e`: a membership event re-reads the roles it may have changed. */
  async refresh(e: EventLean): Promise<void> {
    if (!MEMBER_EVENTS.has(e.type)) return;
    const users = e.memberUserId ? [String(e.memberUserId)] : [...this.roles.keys()];
    for (const userId of users) {
      if (!this.roles.has(userId)) continue;
      const role = await this.roleOf(userId);
      if (role !== this.roles.get(userId)) {
        this.roles.set(userId, role);
        this.version++;
      }
    }
  }
}
