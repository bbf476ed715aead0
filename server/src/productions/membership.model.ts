import mongoose, { Schema, type Types } from "mongoose";
import { Role } from "./production.enums.js";
import { boundedQueries } from "../core/db-bound.js";

/**
 * Memberships live in their own collection so that "is this user a member, with which role" is one
 * indexed lookup on (productionId, userId), and "my productions" one on userId.
 */
export interface MembershipDoc {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  userId: Types.ObjectId;
  role: Role;
  joinedAt: Date;
}

const membershipSchema = new Schema<MembershipDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: Object.values(Role), required: true },
    joinedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
membershipSchema.index({ productionId: 1, userId: 1 }, { unique: true });
membershipSchema.index({ userId: 1, joinedAt: 1 });
membershipSchema.index({ productionId: 1, role: 1 });

membershipSchema.plugin(boundedQueries);
export const MembershipModel = mongoose.model<MembershipDoc>("Membership", membershipSchema, "memberships");

/** Upper bound on members listed or scanned at once (no unbounded queries). */
export const MAX_MEMBERS = 500;
