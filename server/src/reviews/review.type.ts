import { Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import { ReviewDecision } from "./review.enums.js";
import type { ReviewDoc } from "./review.model.js";

@ObjectType({ description: "One review decision (auditable, never changed)." })
export class Review {
  @Field(() => ID, { description: "The review's id." }) id!: string;
  @Field(() => Role, { description: "The reviewer's role when deciding." }) role!: Role;
  @Field(() => ReviewDecision, { description: "Approve or request changes." }) decision!: ReviewDecision;
  @Field(() => String, { description: "The reviewer's comment; null when none.", nullable: true }) comment!:
    | string
    | null;
  @Field(() => Date, { description: "When it was decided." }) createdAt!: Date;
  @Field(() => Int, { description: "The submission round (1 for the first submitForReview)." })
  round!: number;

  reviewerId!: string;
  versionId!: string;
}

export function toReview(doc: ReviewDoc): Review {
  return Object.assign(new Review(), {
    id: String(doc._id),
    role: doc.role,
    decision: doc.decision,
    comment: doc.comment ?? null,
    createdAt: doc.createdAt,
    round: doc.round,
    reviewerId: String(doc.reviewerId),
    versionId: String(doc.versionId),
  });
}
