import mongoose, { Schema, type Types } from "mongoose";
import { AssetKind } from "../assets/asset.enums.js";
import { FrameRate } from "@greenlight/common/timecode";
import { RevisionColor, Stem, VersionStatus } from "./version.enums.js";
import { boundedQueries } from "../core/db-bound.js";

export interface StatusChangeDoc {
  from: VersionStatus | null;
  to: VersionStatus;
  by: Types.ObjectId;
  at: Date;
}

export interface StemTrackDoc {
  stem: Stem;
  mediaUrl: string;
}

export interface LoudnessDoc {
  integratedLkfs: number | null;
  truePeakDbtp: number | null;
  loudnessRange: number | null;
}

/** Notes per status, kept by the notes services so totals need no count scans. */
export interface NoteCountsDoc {
  live: Partial<Record<string, number>>;
  deleted: Partial<Record<string, number>>;
}

export interface VersionDoc {
  _id: Types.ObjectId;
  assetId: Types.ObjectId;
  productionId: Types.ObjectId;
  /** Copied from the asset (immutable) so rules need not load the asset. */
  kind: AssetKind;
  number: number;
  status: VersionStatus;
  createdBy: Types.ObjectId;
  createdAt: Date;
  text: string | null;
  lineCount: number | null;
  mediaUrl: string | null;
  frameRate: FrameRate | null;
  /** Normalised label (";" before frames for drop-frame rates). */
  startTimecode: string | null;
  durationFrames: number | null;
  revisionColor: RevisionColor | null;
  revisionLabel: string | null;
  stems: StemTrackDoc[];
  loudness: LoudnessDoc | null;
  /** MIX: the CUT version it was mixed against; its notes follow that picture's conform. */
  pictureVersionId?: Types.ObjectId | null;
  /** Submission round: incremented by each submitForReview; approvals count within one round. */
  round: number;
  submittedAt: Date | null;
  statusHistory: StatusChangeDoc[];
  /**
   * Maintained with $inc by addNote, setNoteStatus and deleteNote (notes/note-counters.ts);
   * null on versions written before counters existed (totals then fall back to counting).
   */
  noteCounts?: NoteCountsDoc | null;
}

const statusChangeSchema = new Schema<StatusChangeDoc>(
  {
    from: { type: String, default: null },
    to: { type: String, required: true },
    by: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const versionSchema = new Schema<VersionDoc>(
  {
    assetId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: Object.values(AssetKind), required: true },
    number: { type: Number, required: true },
    status: {
      type: String,
      enum: Object.values(VersionStatus),
      required: true,
      default: VersionStatus.DRAFT,
    },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    text: { type: String, default: null },
    lineCount: { type: Number, default: null },
    mediaUrl: { type: String, default: null },
    frameRate: { type: String, enum: [...Object.values(FrameRate), null], default: null },
    startTimecode: { type: String, default: null },
    durationFrames: { type: Number, default: null },
    revisionColor: { type: String, enum: [...Object.values(RevisionColor), null], default: null },
    revisionLabel: { type: String, default: null },
    stems: {
      type: [new Schema<StemTrackDoc>({ stem: String, mediaUrl: String }, { _id: false })],
      default: [],
    },
    loudness: {
      type: new Schema<LoudnessDoc>(
        { integratedLkfs: Number, truePeakDbtp: Number, loudnessRange: Number },
        { _id: false },
      ),
      default: null,
    },
    pictureVersionId: { type: Schema.Types.ObjectId, default: null },
    round: { type: Number, required: true, default: 0 },
    submittedAt: { type: Date, default: null },
    statusHistory: { type: [statusChangeSchema], default: [] },
    noteCounts: { type: Schema.Types.Mixed, default: () => ({ live: {}, deleted: {} }) },
  },
  // minimize: false keeps the empty counters, which mark the version as counted from birth.
  { versionKey: false, minimize: false },
);
// Numbering is allocated as max + 1; the unique index turns a concurrent duplicate into a retry.
versionSchema.index({ assetId: 1, number: 1 }, { unique: true });
versionSchema.index({ productionId: 1 });
// attachEdit on a cut finds the mixes mixed against it (mixes follow picture).
versionSchema.index(
  { pictureVersionId: 1 },
  { partialFilterExpression: { pictureVersionId: { $type: "objectId" } } },
);

versionSchema.plugin(boundedQueries);
export const VersionModel = mongoose.model<VersionDoc>("Version", versionSchema, "versions");
export const MAX_VERSIONS_PER_ASSET = 1000;
