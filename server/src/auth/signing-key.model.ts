import mongoose, { Schema } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/** One HS256 key; tokens name it in their `kid` header. */
export interface SigningKey {
  kid: string;
  /** base64url of 32 random bytes. */
  secret: string;
  createdAt: Date;
}

/**
 * All signing keys of the service in one document, so that creating the first key and rotating
 * are single-document atomic writes (an upsert, a conditional update on `version`) that every
 * process agrees on. The newest key signs; the others still verify until their tokens expire.
 */
export interface KeyringDoc {
  _id: "keyring";
  version: number;
  keys: SigningKey[];
}

const keySchema = new Schema<SigningKey>(
  {
    kid: { type: String, required: true },
    secret: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

const keyringSchema = new Schema<KeyringDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    keys: { type: [keySchema], required: true },
  },
  { versionKey: false },
);

keyringSchema.plugin(boundedQueries);
export const KeyringModel = mongoose.model<KeyringDoc>("SigningKeyring", keyringSchema, "signing_keys");
