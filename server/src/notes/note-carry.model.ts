import mongoose, { Schema, type Types } from "mongoose";
import { CarryMethod, CarryOutcome } from "./note-carry.enums.js";
import { type AnchorDoc, anchorSchema } from "./note.model.js";
import { boundedQueries } from "../core/db-bound.js";

/** A mapper's answer for one anchor (script re-anchoring, cut conform). */
export interface AnchorMapping {
  anchor: AnchorDoc;
  outcome: CarryOutcome;
  method: CarryMethod;
  /** For people: "moved from line 95", "moved +00:00:04:12 (shot reordered)". */
  detail: string | null;
}

/**
 * Where an open note of an earlier version sits in a later one. The note itself is unchanged (its
 * anchor stays true for its own version); each carry into a version is a run of the mapping
 * (addVersion makes run 1; a re-run makes run n+1 and clears `current` on the runs before, which
 * stay as the audit trail with their NOTE_CARRIED events).
 */
export interface NoteCarryDoc extends AnchorMapping {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  assetId: Types.ObjectId;
  noteId: Types.ObjectId;
  /** The version whose anchor was mapped: the note's own, or the one it was last carried into. */
  fromVersionId: Types.ObjectId;
  /** The version carried into. */
  versionId: Types.ObjectId;
  previousAnchor: AnchorDoc;
  run: number;
  current: boolean;
  createdBy: Types.ObjectId;
  createdAt: Date;
  /** "Still applies" on this version: who confirmed it and when (null until then). */
  confirmedBy?: Types.ObjectId | null;
  confirmedAt?: Date | null;
}

const noteCarrySchema = new Schema<NoteCarryDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    assetId: { type: Schema.Types.ObjectId, required: true },
    noteId: { type: Schema.Types.ObjectId, required: true },
    fromVersionId: { type: Schema.Types.ObjectId, required: true },
    versionId: { type: Schema.Types.ObjectId, required: true },
    anchor: { type: anchorSchema, required: true },
    previousAnchor: { type: anchorSchema, required: true },
    outcome: { type: String, enum: Object.values(CarryOutcome), required: true },
    method: { type: String, enum: Object.values(CarryMethod), required: true },
    detail: { type: String, default: null },
    run: { type: Number, required: true },
    current: { type: Boolean, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    confirmedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
// Version.carriedNotes pages the current run in creation order.
noteCarrySchema.index({ versionId: 1, current: 1, _id: 1 });
noteCarrySchema.index({ noteId: 1, versionId: 1, run: 1 }, { unique: true });

noteCarrySchema.plugin(boundedQueries);
export const NoteCarryModel = mongoose.model<NoteCarryDoc>("NoteCarry", noteCarrySchema, "note_carries");
