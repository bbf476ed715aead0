import { Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import type { PresenceEntry, PresenceSnapshot } from "../core/presence.js";

@ObjectType({
  description: "Someone viewing a version, and where: frame for cuts and mixes, line for scripts.",
})
export class PresenceViewer {
  @Field(() => Role, {
    description: "Their role in the production; null if no longer a member.",
    nullable: true,
  })
  role!: Role | null;
  @Field(() => Int, {
    description: "CUT and MIX: the frame they are on (from 0); null for scripts or unknown.",
    nullable: true,
  })
  frame!: number | null;
  @Field(() => Int, {
    description: "SCRIPT: the line they are on (1-based); null for cuts and mixes or unknown.",
    nullable: true,
  })
  line!: number | null;
  @Field(() => Boolean, { description: "true while their player is playing." }) playing!: boolean;
  @Field(() => Date, { description: "When they last reported; viewers expire when they stop." })
  updatedAt!: Date;
  /** Resolved to `user` by PresenceViewerResolver. */
  userId!: string;
}

@ObjectType({
  description: "Everyone viewing a version, sent whenever someone joins, moves, leaves or expires.",
})
export class PresenceUpdate {
  @Field(() => ID, { description: "The version being viewed." }) versionId!: string;
  @Field(() => [PresenceViewer], { description: "Everyone viewing it now." }) viewers!: PresenceViewer[];
}

export function toPresenceViewer(e: PresenceEntry): PresenceViewer {
  return Object.assign(new PresenceViewer(), e, { role: e.role as Role | null });
}

export function toPresenceUpdate(s: PresenceSnapshot): PresenceUpdate {
  return Object.assign(new PresenceUpdate(), {
    versionId: s.versionId,
    viewers: s.viewers.map(toPresenceViewer),
  });
}
