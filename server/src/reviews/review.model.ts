import mongoose, { Schema, type Types } from "mongoose";
import { Role } from "../productions/production.enums.js";
import { ReviewDecision } from "./review.enums.js";
import { boundedQueries } from "../core/db-bound.js";

/** One auditable review decision; never updated or deleted. */
export interface ReviewDoc {
  _id: Types.ObjectId;
  versionId: Types.ObjectId;
  productionId: Types.ObjectId;
  reviewerId: Types.ObjectId;
  /** The reviewer's role when deciding (roles may change later). */
  role: Role;
  decision: ReviewDecision;
  comment: string | null;
  /** The version's submission round this decision belongs to. */
  round: number;
  createdAt: Date;
}

const reviewSchema = new Schema<ReviewDoc>(
  {
    versionId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    reviewerId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: Object.values(Role), required: true },
    decision: { type: String, enum: Object.values(ReviewDecision), required: true },
    comment: { type: String, default: null, maxlength: 2000 },
    round: { type: Number, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
reviewSchema.index({ versionId: 1, round: 1, _id: 1 });

reviewSchema.plugin(boundedQueries);
export const ReviewModel = mongoose.model<ReviewDoc>("Review", reviewSchema, "reviews");
export const MAX_REVIEWS_PER_VERSION = 1000;
