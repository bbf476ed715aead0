import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { AssetKind } from "../assets/asset.enums.js";
import {
  DEFAULT_FRAME_RATE,
  DEFAULT_START_TIMECODE,
  FrameRate,
  fps,
  framesToTimecode,
  normalizeTimecode,
} from "@greenlight/common/timecode";
import { User } from "../users/user.type.js";
import { Role } from "../productions/production.enums.js";
import { RevisionColor, Stem, VersionStatus } from "./version.enums.js";
import type { NoteCountsDoc, StatusChangeDoc, VersionDoc } from "./version.model.js";

@ObjectType({ description: "A script version's revision colour and page label (WGA order)." })
export class ScriptRevision {
  @Field(() => RevisionColor, { description: "The revision's colour." }) color!: RevisionColor;
  @Field(() => String, { description: 'e.g. "Blue Revision 11/20/2026"' }) label!: string;
}

@ObjectType({ description: "One stem file of a mix version." })
export class StemTrack {
  @Field(() => Stem, { description: "Which stem this file is." }) stem!: Stem;
  @Field(() => String, { description: "Where the stem's media is (as given to addVersion)." })
  mediaUrl!: string;
}

@ObjectType({ description: "Measured loudness of a mix (ITU-R BS.1770)." })
export class Loudness {
  @Field(() => Float, {
    description: "Integrated loudness in LKFS (= LUFS); null when not measured.",
    nullable: true,
  })
  integratedLkfs!: number | null;
  @Field(() => Float, { description: "True peak in dBTP; null when not measured.", nullable: true })
  truePeakDbtp!: number | null;
  @Field(() => Float, { description: "Loudness range (LRA) in LU; null when not measured.", nullable: true })
  loudnessRange!: number | null;
}

@ObjectType({
  description:
    "What the caller may do on this version now, from their role and the version's status (the server enforces the same rules).",
})
export class VersionPermissions {
  @Field(() => Boolean, { description: "May add a newer version of this asset." }) addVersion!: boolean;
  @Field(() => Boolean, {
    description: "May add notes and replies here (not on LOCKED versions, not for VIEWER).",
  })
  addNote!: boolean;
  @Field(() => Boolean, {
    description: "May submit this version for review (DRAFT or CHANGES_REQUESTED, the kind's makers).",
  })
  submitForReview!: boolean;
  @Field(() => Boolean, {
    description: "May approve or request changes (IN_REVIEW, the kind's approving roles).",
  })
  review!: boolean;
  @Field(() => Boolean, { description: "May lock this version (APPROVED, SHOWRUNNER)." }) lock!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Why review, submit or lock is not allowed, for the UI.",
  })
  reason!: string | null;
}

@ObjectType({ description: "One approving role's state in the current review round." })
export class RoleApproval {
  @Field(() => Role, { description: "The approving role." }) role!: Role;
  @Field(() => Boolean, { description: "False when no member holds the role: it is not waited for." })
  required!: boolean;
  @Field(() => User, {
    description: "Who approved for this role since the latest submission; null while waiting.",
    nullable: true,
  })
  approvedBy!: User | null;
  @Field(() => Date, { description: "When they approved; null while waiting.", nullable: true })
  approvedAt!: Date | null;
}

@ObjectType({ description: "One step of a version's status history." })
export class VersionStatusChange {
  @Field(() => VersionStatus, {
    description: "The status before; null for the version's creation as DRAFT.",
    nullable: true,
  })
  from!: VersionStatus | null;
  @Field(() => VersionStatus, { description: "The status after." }) to!: VersionStatus;
  @Field(() => User, { description: "Who made the change." }) by!: User;
  @Field(() => Date, { description: "When." }) at!: Date;
}

@ObjectType({ description: "How many of this version's own notes are in each status." })
export class NoteCounts {
  @Field(() => Int, { description: "All notes." }) total!: number;
  @Field(() => Int, { description: "OPEN notes." }) open!: number;
  @Field(() => Int, { description: "IN_PROGRESS notes." }) inProgress!: number;
  @Field(() => Int, { description: "RESOLVED notes." }) resolved!: number;
  @Field(() => Int, { description: "WONT_FIX notes." }) wontFix!: number;
}

@ObjectType({ description: "One numbered version of an asset." })
export class Version {
  @Field(() => ID, { description: "The version's id." }) id!: string;
  @Field(() => Int, { description: "1, 2, 3 ... within its asset, in the order added." }) number!: number;
  @Field(() => VersionStatus, { description: "Where the version is in review (DRAFT to LOCKED)." })
  status!: VersionStatus;
  @Field(() => Date, { description: "When it was added." }) createdAt!: Date;
  @Field(() => String, {
    description:
      "SCRIPT: the full text (Fountain or plain); notes' lines are its lines split on \\n. Null for CUT and MIX.",
    nullable: true,
  })
  text!: string | null;
  @Field(() => String, {
    description: "CUT and MIX: where the picture or mix media is, as given; null if none or for SCRIPT.",
    nullable: true,
  })
  mediaUrl!: string | null;
  @Field(() => FrameRate, { nullable: true, description: "Effective rate (default FPS_24) for CUT and MIX." })
  frameRate!: FrameRate | null;
  @Field(() => String, {
    nullable: true,
    description: "Effective start (default 00:00:00:00) for CUT and MIX.",
  })
  startTimecode!: string | null;
  @Field(() => Int, {
    description: "CUT and MIX: length in frames at frameRate; null when not given.",
    nullable: true,
  })
  durationFrames!: number | null;
  @Field(() => ScriptRevision, {
    description: "SCRIPT: the revision colour and label; null for CUT and MIX or when none was set.",
    nullable: true,
  })
  revision!: ScriptRevision | null;
  @Field(() => [StemTrack], { description: "MIX: the separate stem files; empty otherwise." })
  stems!: StemTrack[];
  @Field(() => Loudness, {
    description: "MIX: measured loudness, when given; null otherwise.",
    nullable: true,
  })
  loudness!: Loudness | null;
  @Field(() => Float, {
    description:
      "CUT and MIX: frameRate as frames per second (e.g. 23.976...), for players; null for SCRIPT.",
    nullable: true,
  })
  frameRateFps!: number | null;
  @Field(() => String, {
    description: "CUT and MIX: durationFrames as a SMPTE duration at frameRate; null without a duration.",
    nullable: true,
  })
  durationTimecode!: string | null;
  @Field(() => Int, {
    description: "SCRIPT: the number of lines of text (the highest lineEnd a note may use); null otherwise.",
    nullable: true,
  })
  lineCount!: number | null;

  kind!: AssetKind;
  assetId!: string;
  productionId!: string;
  createdById!: string;
  round!: number;
  history!: StatusChangeDoc[];
  counters!: NoteCountsDoc | null;
  pictureVersionId!: string | null;
}

export const isTimed = (kind: AssetKind): boolean => kind === AssetKind.CUT || kind === AssetKind.MIX;

/** Effective rate and start for timecode maths (defaults apply to CUT and MIX). */
export function timingOf(doc: Pick<VersionDoc, "frameRate" | "startTimecode">): {
  rate: FrameRate;
  start: string;
} {
  const rate = doc.frameRate ?? DEFAULT_FRAME_RATE;
  return { rate, start: doc.startTimecode ?? normalizeTimecode(DEFAULT_START_TIMECODE, rate) };
}

export function toVersion(doc: VersionDoc): Version {
  const timed = isTimed(doc.kind);
  const timing = timingOf(doc);
  return Object.assign(new Version(), {
    id: String(doc._id),
    number: doc.number,
    status: doc.status,
    createdAt: doc.createdAt,
    text: doc.text ?? null,
    mediaUrl: doc.mediaUrl ?? null,
    frameRate: timed ? timing.rate : null,
    startTimecode: timed ? timing.start : null,
    durationFrames: doc.durationFrames ?? null,
    revision:
      doc.kind === AssetKind.SCRIPT && doc.revisionColor
        ? Object.assign(new ScriptRevision(), { color: doc.revisionColor, label: doc.revisionLabel ?? "" })
        : null,
    stems: (doc.stems ?? []).map((s) =>
      Object.assign(new StemTrack(), { stem: s.stem, mediaUrl: s.mediaUrl }),
    ),
    loudness: doc.loudness
      ? Object.assign(new Loudness(), {
          integratedLkfs: doc.loudness.integratedLkfs ?? null,
          truePeakDbtp: doc.loudness.truePeakDbtp ?? null,
          loudnessRange: doc.loudness.loudnessRange ?? null,
        })
      : null,
    frameRateFps: timed ? fps(timing.rate) : null,
    durationTimecode: timed && doc.durationFrames ? framesToTimecode(doc.durationFrames, timing.rate) : null,
    lineCount: doc.kind === AssetKind.SCRIPT ? (doc.lineCount ?? null) : null,
    kind: doc.kind,
    assetId: String(doc.assetId),
    productionId: String(doc.productionId),
    createdById: String(doc.createdBy),
    round: doc.round ?? 0,
    history: doc.statusHistory ?? [],
    counters: doc.noteCounts?.live ? doc.noteCounts : null,
    pictureVersionId: doc.pictureVersionId ? String(doc.pictureVersionId) : null,
  });
}
