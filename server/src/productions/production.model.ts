import mongoose, { Schema, type Types } from "mongoose";
import { ProductionKind, ProductionStage } from "./production.enums.js";
import { boundedQueries } from "../core/db-bound.js";

export interface ProductionDoc {
  _id: Types.ObjectId;
  title: string;
  kind: ProductionKind;
  stage: ProductionStage;
  createdBy: Types.ObjectId;
  createdAt: Date;
  /** Last allocated event sequence number; see events/event.service.ts. */
  eventSeq: number;
}

const productionSchema = new Schema<ProductionDoc>(
  {
    title: { type: String, required: true, maxlength: 200 },
    kind: {
      type: String,
      enum: Object.values(ProductionKind),
      required: true,
      default: ProductionKind.SERIES,
    },
    stage: {
      type: String,
      enum: Object.values(ProductionStage),
      required: true,
      default: ProductionStage.DEVELOPMENT,
    },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    eventSeq: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

productionSchema.plugin(boundedQueries);
export const ProductionModel = mongoose.model<ProductionDoc>("Production", productionSchema, "productions");
