import mongoose, { Schema, type Types } from "mongoose";
import { Role } from "../productions/production.enums.js";
import { boundedQueries } from "../core/db-bound.js";

export interface ReplyDoc {
  _id: Types.ObjectId;
  noteId: Types.ObjectId;
  versionId: Types.ObjectId;
  productionId: Types.ObjectId;
  authorId: Types.ObjectId;
  authorRole: Role;
  body: string;
  createdAt: Date;
}

const replySchema = new Schema<ReplyDoc>(
  {
    noteId: { type: Schema.Types.ObjectId, required: true },
    versionId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorRole: { type: String, enum: Object.values(Role), required: true },
    body: { type: String, required: true, maxlength: 10_000 },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
replySchema.index({ noteId: 1, _id: 1 });

replySchema.plugin(boundedQueries);
export const ReplyModel = mongoose.model<ReplyDoc>("Reply", replySchema, "replies");
/** Replies shown per note (threads longer than this are truncated to the oldest). */
export const MAX_REPLIES_PER_NOTE = 500;
