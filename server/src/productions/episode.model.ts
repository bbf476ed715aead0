import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

export interface EpisodeDoc {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  number: number;
  title: string;
  createdAt: Date;
}

const episodeSchema = new Schema<EpisodeDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    title: { type: String, required: true, maxlength: 200 },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
episodeSchema.index({ productionId: 1, number: 1 }, { unique: true });

episodeSchema.plugin(boundedQueries);
export const EpisodeModel = mongoose.model<EpisodeDoc>("Episode", episodeSchema, "episodes");
export const MAX_EPISODES = 500;
