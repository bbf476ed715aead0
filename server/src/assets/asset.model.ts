import mongoose, { Schema, type Types } from "mongoose";
import { AssetKind } from "./asset.enums.js";
import { boundedQueries } from "../core/db-bound.js";

export interface AssetDoc {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  episodeId: Types.ObjectId | null;
  kind: AssetKind;
  title: string;
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const assetSchema = new Schema<AssetDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    episodeId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: Object.values(AssetKind), required: true },
    title: { type: String, required: true, maxlength: 200 },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
assetSchema.index({ productionId: 1, kind: 1, _id: 1 });
assetSchema.index({ episodeId: 1, kind: 1, _id: 1 });

assetSchema.plugin(boundedQueries);
export const AssetModel = mongoose.model<AssetDoc>("Asset", assetSchema, "assets");
/** Cap on assets listed at once. */
export const MAX_ASSETS = 1000;
