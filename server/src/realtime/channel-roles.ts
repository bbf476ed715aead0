import type { FeedEvent } from "./ports.js";
import type { RoleName } from "./ports.js";
import type { Sink } from "./sinks.js";

/**
 * Whether an event may change a subscriber's role (re-read before it is dispatched): membership
 * events, the only ones whose payload names a member (events/event.model.ts).
 */
export function changesRoles(e: FeedEvent): boolean {
  return e.memberUserId != null;
}

/** What re-authorisation needs of a group: its role, its subscribers, the version it last saw. */
export interface RoleScoped {
  readonly spec: { readonly role: RoleName };
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
  private readonly roles = new Map<string, RoleName | null>();
  /** Bumped whenever a local subscriber's role changed. */
  version = 0;

  constructor(private readonly roleOf: (userId: string) => Promise<RoleName | null>) {}

  /** A subscriber authorised (at subscribe time) with this role. */
  note(userId: string, role: RoleName): void {
    this.roles.set(userId, role);
  }

  /** Whether the subscriber still holds `role`; if not, its subscription ends (complete). */
  authorized(sink: Sink, role: RoleName): boolean {
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
  async refresh(e: FeedEvent): Promise<void> {
    if (!changesRoles(e)) return;
    const userId = String(e.memberUserId);
    if (this.roles.has(userId)) {
      const role = await this.roleOf(userId);
      if (role !== this.roles.get(userId)) {
        this.roles.set(userId, role);
        this.version++;
      }
    }
  }
}
