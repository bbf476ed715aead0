import mongoose, { Schema, type Types } from "mongoose";
import { EditFormat } from "./edit.enums.js";
import { boundedQueries } from "../core/db-bound.js";

/**
 * A CUT version's edit as read from its EDL or OTIO file (edits/edit.timeline.ts): one per version,
 * replaced when a corrected file is attached. The parsed timeline is stored, not the file: conform
 * and the API need the events, and the upload is bounded by the request body (MAX_BODY_BYTES).
 */
export interface CutEditDoc {
  _id: Types.ObjectId;
  versionId: Types.ObjectId;
  productionId: Types.ObjectId;
  assetId: Types.ObjectId;
  format: EditFormat;
  fileName: string | null;
  /** TITLE: / the timeline's name. */
  name: string;
  /** The rate the edit was read at (the version's, or the drop/non-drop form FCM names). */
  rate: string;
  /** EditEvent[] and EditMarker[] of edit.timeline.ts, as read. */
  events: unknown[];
  markers: unknown[];
  warnings: string[];
  attachedBy: Types.ObjectId;
  attachedAt: Date;
  /** How many times an edit was attached to this version (1 = first; re-attachments are audited). */
  revision: number;
}

const cutEditSchema = new Schema<CutEditDoc>(
  {
    versionId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    assetId: { type: Schema.Types.ObjectId, required: true },
    format: { type: String, enum: Object.values(EditFormat), required: true },
    fileName: { type: String, default: null },
    name: { type: String, default: "" },
    rate: { type: String, required: true },
    events: { type: [Schema.Types.Mixed], default: [] },
    markers: { type: [Schema.Types.Mixed], default: [] },
    warnings: { type: [String], default: [] },
    attachedBy: { type: Schema.Types.ObjectId, required: true },
    attachedAt: { type: Date, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { versionKey: false, minimize: false },
);
cutEditSchema.index({ versionId: 1 }, { unique: true });

cutEditSchema.plugin(boundedQueries);
export const CutEditModel = mongoose.model<CutEditDoc>("CutEdit", cutEditSchema, "cut_edits");
