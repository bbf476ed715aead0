import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/** A signed-in session; access tokens name it in `sid`, and signing out deletes it. */
export interface SessionDoc {
  _id: string;
  userId: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    // TTL index: the store removes expired sessions; reads also check expiresAt themselves.
    expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
  },
  { versionKey: false },
);

sessionSchema.plugin(boundedQueries);
export const SessionModel = mongoose.model<SessionDoc>("Session", sessionSchema, "sessions");
