import { Field, ID, Int, ObjectType } from "type-graphql";
import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import { ProductionStage } from "../productions/production.enums.js";
import { encodeEventCursor } from "./event.cursor.js";
import { EventType } from "./event.enums.js";
import type { EventLean } from "./event.service.js";

/**
 * One entry of a production's event log. Payload fields (actor, note, reply, version, review,
 * asset, member, episode) are resolved by each domain's *-joins.resolver.ts through the same loaders and
 * mappers as queries, so clients normalise them like any other object.
 */
@ObjectType({
  description:
    "One recorded change in a production, in the durable, ordered event log (Production.events, Subscription.productionEvents, webhooks). Fields that do not apply to the type are null.",
})
export class ProductionEvent {
  @Field(() => ID, { description: "The event's id; stable, use it as an idempotency key." }) id!: string;
  @Field(() => String, { description: "Opaque, totally ordered; resume with `after`." }) cursor!: string;
  @Field(() => EventType, { description: "What happened." }) type!: EventType;
  @Field(() => Date, { description: "When it was committed." }) at!: Date;
  @Field(() => ID, { description: "The production it happened in." }) productionId!: string;
  @Field(() => ProductionStage, { description: "STAGE_CHANGED: the new stage.", nullable: true })
  stage!: ProductionStage | null;
  @Field(() => Int, {
    nullable: true,
    description: "REVIEW_DECIDED (approve): approving roles approved in this round, as of the event.",
  })
  approvals!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "REVIEW_DECIDED (approve): approving roles this round needed, as of the event.",
  })
  approvalsRequired!: number | null;
  @Field(() => CarryOutcome, {
    nullable: true,
    description: "NOTE_CARRIED: what happened to the note (moved, trimmed, shot removed...), as mapped then.",
  })
  carryOutcome!: CarryOutcome | null;
  @Field(() => CarryMethod, {
    nullable: true,
    description: "NOTE_CARRIED: how it was mapped (TIMECODE when a cut's edit was missing).",
  })
  carryMethod!: CarryMethod | null;

  seq!: number;
  actorId!: string | null;
  versionId!: string | null;
  noteId!: string | null;
  replyId!: string | null;
  carryId!: string | null;
  reviewId!: string | null;
  assetId!: string | null;
  episodeId!: string | null;
  memberUserId!: string | null;
  memberRole!: string | null;
  fromStatus!: string | null;
  toStatus!: string | null;
}

const s = (v: unknown) => (v ? String(v) : null);

export function toProductionEvent(e: EventLean): ProductionEvent {
  const productionId = String(e.productionId);
  return Object.assign(new ProductionEvent(), {
    id: String(e._id),
    cursor: encodeEventCursor(productionId, e.seq),
    type: e.type,
    at: e.at,
    productionId,
    stage: e.stage ?? null,
    seq: e.seq,
    actorId: s(e.actorId),
    versionId: s(e.versionId),
    noteId: s(e.noteId),
    replyId: s(e.replyId),
    carryId: s(e.carryId),
    reviewId: s(e.reviewId),
    assetId: s(e.assetId),
    episodeId: s(e.episodeId),
    memberUserId: s(e.memberUserId),
    memberRole: e.memberRole ?? null,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    approvals: e.approvals ?? null,
    approvalsRequired: e.approvalsRequired ?? null,
    carryOutcome: e.carryOutcome ?? null,
    carryMethod: e.carryMethod ?? null,
  });
}
