import mongoose, { Schema } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/**
 * Sign-in and sign-up counters, one document per key (address, email+address) and fixed time window, so limits
 * hold across processes. The TTL index cleans finished windows.
 */
export interface LoginAttemptDoc {
  _id: string;
  count: number;
  /** First attempt of the window (the progressive delay counts from it). */
  since: Date;
  windowEndsAt: Date;
  expiresAt: Date;
}

const loginAttemptSchema = new Schema<LoginAttemptDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    since: { type: Date, required: true },
    windowEndsAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
  },
  { versionKey: false },
);

loginAttemptSchema.plugin(boundedQueries);
export const LoginAttemptModel = mongoose.model<LoginAttemptDoc>(
  "LoginAttempt",
  loginAttemptSchema,
  "login_attempts",
);
