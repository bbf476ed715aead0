import { Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import type { PresenceEntry, PresenceSnapshot } from "../core/presence.js";

@ObjectType({
  description: "Someone viewing a version, and where: frame for cuts and mixes, line for scripts.",
})
export class PresenceViewer {
  @Field(() => Role, { nullable: true }) role!: Role | null;
  @Field(() => Int, { nullable: true }) frame!: number | null;
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field(() => Boolean) playing!: boolean;
  @Field(() => Date) updatedAt!: Date;
  /** Resolved to `user` by PresenceViewerResolver. */
  userId!: string;
}

@ObjectType({
  description: "Everyone viewing a version, sent whenever someone joins, moves, leaves or expires.",
})
export class PresenceUpdate {
  @Field(() => ID) versionId!: string;
  @Field(() => [PresenceViewer]) viewers!: PresenceViewer[];
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
