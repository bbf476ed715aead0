import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/** Long-lived tokens for tools; only the SHA-256 of the secret is stored. */
export interface ApiTokenDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  name: string;
  /** First characters of the token, shown so people can tell tokens apart. */
  prefix: string;
  hash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Null: never expires (tokens made before expiry existed have no field, read as null). */
  expiresAt?: Date | null;
}

const apiTokenSchema = new Schema<ApiTokenDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    name: { type: String, required: true, trim: true },
    prefix: { type: String, required: true },
    hash: { type: String, required: true, unique: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
  },
  { versionKey: false },
);

apiTokenSchema.plugin(boundedQueries);
export const ApiTokenModel = mongoose.model<ApiTokenDoc>("ApiToken", apiTokenSchema, "api_tokens");
