import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

/**
 * Who views a version, and where. One document per (version, viewer), `_id` "<versionId>:<userId>"
 * so that a TTL deletion (whose change event carries only the _id) still says whose presence
 * ended. Every process sees every change through its one change stream.
 */
export interface PresenceDoc {
  _id: string;
  versionId: Types.ObjectId;
  productionId: Types.ObjectId;
  userId: Types.ObjectId;
  role: string | null;
  frame: number | null;
  line: number | null;
  playing: boolean;
  updatedAt: Date;
  /** Heartbeat expiry; the TTL index deletes stale documents (readers also ignore them sooner). */
  expiresAt: Date;
}

const presenceSchema = new Schema<PresenceDoc>(
  {
    _id: { type: String, required: true },
    versionId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, default: null },
    frame: { type: Number, default: null },
    line: { type: Number, default: null },
    playing: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
presenceSchema.index({ versionId: 1 });
presenceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const PRESENCE_COLLECTION = "presence";
presenceSchema.plugin(boundedQueries);
export const PresenceModel = mongoose.model<PresenceDoc>("Presence", presenceSchema, PRESENCE_COLLECTION);

export const presenceId = (versionId: string, userId: string) => `${versionId}:${userId}`;
