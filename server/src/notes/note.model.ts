import mongoose, { Schema, type Types } from "mongoose";
import { Role } from "../productions/production.enums.js";
import { Stem } from "../versions/version.enums.js";
import { type DrawingDoc, drawingSchema } from "./drawing.model.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { boundedQueries } from "../core/db-bound.js";

/**
 * A note's anchor, stored resolved: the quote and both timecodes are computed once at creation
 * (a version's text, start timecode and rate never change), so reading a page of notes needs no
 * version lookups.
 */
export interface AnchorDoc {
  type: "SCRIPT" | "TIME";
  lineStart?: number;
  lineEnd?: number;
  quote?: string;
  startFrame?: number;
  endFrame?: number;
  startTimecode?: string;
  endTimecode?: string;
  stem?: Stem | null;
}

export interface MentionDoc {
  kind: "USER" | "ROLE";
  label: string;
  userId?: Types.ObjectId | null;
  role?: Role | null;
}

export interface NoteDoc {
  _id: Types.ObjectId;
  versionId: Types.ObjectId;
  assetId: Types.ObjectId;
  productionId: Types.ObjectId;
  authorId: Types.ObjectId;
  authorRole: Role;
  body: string;
  anchor: AnchorDoc;
  status: NoteStatus;
  category: NoteCategory | null;
  assigneeId: Types.ObjectId | null;
  mentions: MentionDoc[];
  /** CUT notes only; shapes on the note's first frame. */
  drawing: DrawingDoc | null;
  statusChangedBy: Types.ObjectId | null;
  statusChangedAt: Date | null;
  /** The version whose room the last status change was made in: its own, or a later one it was carried to. */
  statusChangedIn?: Types.ObjectId | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedBy: Types.ObjectId | null;
  replyCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const anchorSchema = new Schema<AnchorDoc>(
  {
    type: { type: String, enum: ["SCRIPT", "TIME"], required: true },
    lineStart: Number,
    lineEnd: Number,
    quote: String,
    startFrame: Number,
    endFrame: Number,
    startTimecode: String,
    endTimecode: String,
    stem: { type: String, default: null },
  },
  { _id: false },
);

const mentionSchema = new Schema<MentionDoc>(
  {
    kind: { type: String, enum: ["USER", "ROLE"], required: true },
    label: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    role: { type: String, default: null },
  },
  { _id: false },
);

const noteSchema = new Schema<NoteDoc>(
  {
    versionId: { type: Schema.Types.ObjectId, required: true },
    assetId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorRole: { type: String, enum: Object.values(Role), required: true },
    body: { type: String, required: true, maxlength: 10_000 },
    anchor: { type: anchorSchema, required: true },
    status: { type: String, enum: Object.values(NoteStatus), required: true, default: NoteStatus.OPEN },
    category: { type: String, enum: [...Object.values(NoteCategory), null], default: null },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    mentions: { type: [mentionSchema], default: [] },
    drawing: { type: drawingSchema, default: null },
    statusChangedBy: { type: Schema.Types.ObjectId, default: null },
    statusChangedAt: { type: Date, default: null },
    statusChangedIn: { type: Schema.Types.ObjectId, default: null },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, default: null },
    replyCount: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Pages are ordered by _id (creation order); the filters of Version.notes each have a prefix here.
// Lists filter on deletedAt: null, so it leads after versionId (the store then scans only the page).
noteSchema.index({ versionId: 1, _id: 1 });
noteSchema.index({ versionId: 1, deletedAt: 1, _id: 1 });
noteSchema.index({ versionId: 1, deletedAt: 1, status: 1, _id: 1 });
noteSchema.index({ versionId: 1, authorId: 1, _id: 1 });
noteSchema.index({ versionId: 1, assigneeId: 1, _id: 1 });

noteSchema.plugin(boundedQueries);
export const NoteModel = mongoose.model<NoteDoc>("Note", noteSchema, "notes");
