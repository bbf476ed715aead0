import mongoose, { Schema } from "mongoose";

/**
 * Failed sign-in counters, one document per key (email or IP) and fixed time window, so limits
 * hold across processes. The TTL index cleans finished windows.
 */
export interface LoginAttemptDoc {
  _id: string;
  count: number;
  windowEndsAt: Date;
  expiresAt: Date;
}

const loginAttemptSchema = new Schema<LoginAttemptDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    windowEndsAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
  },
  { versionKey: false },
);

export const LoginAttemptModel = mongoose.model<LoginAttemptDoc>(
  "LoginAttempt",
  loginAttemptSchema,
  "login_attempts",
);
