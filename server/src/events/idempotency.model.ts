import mongoose, { Schema } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/** How long a mutation's Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/**
 * One command run under an Idempotency-Key: written in the command's own transaction, so it exists
 * exactly when the command's writes do. `result` is what the command's body returned (the
 * documents it wrote, as stored), which a retry gets back instead of writing again.
 */
export interface IdempotencyDoc {
  /** sha256 of the caller, the key, the command and its ordinal in the request. */
  _id: string;
  /** sha256 of the request (document, operation, variables): a key reused for another is refused. */
  fingerprint: string;
  result: unknown;
  createdAt: Date;
}

const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    result: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true, index: { expireAfterSeconds: IDEMPOTENCY_TTL_SECONDS } },
  },
  { versionKey: false },
);

idempotencySchema.plugin(boundedQueries);
export const IdempotencyModel = mongoose.model<IdempotencyDoc>(
  "IdempotencyKey",
  idempotencySchema,
  "idempotency_keys",
);

/** Through the driver: the record is tiny and fully built by runCommand, so no casting is needed. */
export function findIdempotency(id: string, session: mongoose.ClientSession) {
  return IdempotencyModel.findById(id, { fingerprint: 1, result: 1 }, { session }).lean();
}

export async function insertIdempotency(doc: IdempotencyDoc, session: mongoose.ClientSession): Promise<void> {
  // The driver's typings assume ObjectId ids; this collection's ids are hashes.
  await IdempotencyModel.collection.insertOne(doc as unknown as mongoose.mongo.Document, { session });
}
