import { Field, ID, ObjectType } from "type-graphql";
import { User } from "../users/user.type.js";
import { ProductionKind, ProductionStage, Role } from "./production.enums.js";
import type { MembershipDoc } from "./membership.model.js";
import type { ProductionDoc } from "./production.model.js";

@ObjectType({ description: "A series, film or special, with its members, assets and event log." })
export class Production {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ProductionStage)
  stage!: ProductionStage;

  @Field(() => ProductionKind)
  kind!: ProductionKind;

  @Field(() => Date)
  createdAt!: Date;

  /** Allocated event counter, used to validate event cursors (not exposed). */
  eventSeq!: number;
}

@ObjectType({ description: "A user's membership of a production." })
export class Member {
  @Field(() => User)
  user!: User;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date)
  joinedAt!: Date;

  userId!: string;
}

@ObjectType({ description: "What the viewer may do in this production; the client never re-derives rules." })
export class ProductionPermissions {
  @Field(() => Boolean) addMember!: boolean;
  @Field(() => Boolean) setStage!: boolean;
  @Field(() => Boolean) createScript!: boolean;
  @Field(() => Boolean) createCut!: boolean;
  @Field(() => Boolean) createMix!: boolean;
  @Field(() => Boolean) addEpisode!: boolean;
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
