import mongoose, { Schema, type Types } from "mongoose";
import { Role } from "../productions/production.enums.js";
import { EventType } from "./event.enums.js";

/**
 * One change in a production. `seq` is allocated per production from `productions.eventSeq`
 * (see event.service.ts) and is the only order readers use; `at` is taken after the allocation,
 * so an event's `at` is never earlier than the allocation of any lower seq.
 */
export interface EventDoc {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  seq: number;
  type: EventType;
  at: Date;
  actorId: Types.ObjectId | null;
  versionId?: Types.ObjectId | null;
  noteId?: Types.ObjectId | null;
  replyId?: Types.ObjectId | null;
  reviewId?: Types.ObjectId | null;
  assetId?: Types.ObjectId | null;
  episodeId?: Types.ObjectId | null;
  memberUserId?: Types.ObjectId | null;
  memberRole?: Role | null;
  stage?: string | null;
}

const eventSchema = new Schema<EventDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    type: { type: String, enum: Object.values(EventType), required: true },
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    versionId: { type: Schema.Types.ObjectId, default: null },
    noteId: { type: Schema.Types.ObjectId, default: null },
    replyId: { type: Schema.Types.ObjectId, default: null },
    reviewId: { type: Schema.Types.ObjectId, default: null },
    assetId: { type: Schema.Types.ObjectId, default: null },
    episodeId: { type: Schema.Types.ObjectId, default: null },
    memberUserId: { type: Schema.Types.ObjectId, default: null },
    memberRole: { type: String, default: null },
    stage: { type: String, default: null },
  },
  { versionKey: false },
);
eventSchema.index({ productionId: 1, seq: 1 }, { unique: true });
// For versionEvents: the events concerning one version, in production order.
eventSchema.index({ versionId: 1, seq: 1 });

export const EventModel = mongoose.model<EventDoc>("Event", eventSchema, "events");
