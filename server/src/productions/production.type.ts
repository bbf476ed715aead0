import { Field, ID, ObjectType } from "type-graphql";
import { User } from "../users/user.type.js";
import { ProductionKind, ProductionStage, Role } from "./production.enums.js";
import type { MembershipDoc } from "./membership.model.js";
import type { ProductionDoc } from "./production.model.js";

@ObjectType({ description: "A series, film or special, with its members, assets and event log." })
export class Production {
  @Field(() => ID, { description: "The production's id." })
  id!: string;

  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => ProductionStage, { description: "Where it is in its life (setProductionStage)." })
  stage!: ProductionStage;

  @Field(() => ProductionKind, { description: "Series, film or special." })
  kind!: ProductionKind;

  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;

  /** Allocated event counter, used to validate event cursors (not exposed). */
  eventSeq!: number;
}

@ObjectType({ description: "A user's membership of a production." })
export class Member {
  @Field(() => User, { description: "The member." })
  user!: User;

  @Field(() => Role, { description: "Their role in this production." })
  role!: Role;

  @Field(() => Date, { description: "When they were added." })
  joinedAt!: Date;

  userId!: string;
}

@ObjectType({ description: "What the viewer may do in this production; the client never re-derives rules." })
export class ProductionPermissions {
  @Field(() => Boolean, { description: "May add and remove members (SHOWRUNNER, PRODUCER)." })
  addMember!: boolean;
  @Field(() => Boolean, { description: "May change the stage (SHOWRUNNER, PRODUCER)." }) setStage!: boolean;
  @Field(() => Boolean, { description: "May create SCRIPT assets (SHOWRUNNER, PRODUCER, WRITER)." })
  createScript!: boolean;
  @Field(() => Boolean, { description: "May create CUT assets (SHOWRUNNER, PRODUCER, DIRECTOR, EDITOR)." })
  createCut!: boolean;
  @Field(() => Boolean, { description: "May create MIX assets (SHOWRUNNER, PRODUCER, SOUND_DESIGNER)." })
  createMix!: boolean;
  @Field(() => Boolean, { description: "May add episodes (SHOWRUNNER, PRODUCER)." }) addEpisode!: boolean;
}

export function toProduction(doc: ProductionDoc): Production {
  return Object.assign(new Production(), {
    id: String(doc._id),
    title: doc.title,
    stage: doc.stage,
    kind: doc.kind,
    createdAt: doc.createdAt,
    eventSeq: doc.eventSeq ?? 0,
  });
}

/** `user` is resolved by Member's field resolver from `userId`. */
export function toMember(doc: {
  userId: MembershipDoc["userId"] | string;
  role: Role;
  joinedAt: Date;
}): Member {
  return Object.assign(new Member(), { userId: String(doc.userId), role: doc.role, joinedAt: doc.joinedAt });
}
