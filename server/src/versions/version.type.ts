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

@ObjectType()
export class ScriptRevision {
  @Field(() => RevisionColor) color!: RevisionColor;
  @Field(() => String, { description: 'e.g. "Blue Revision 11/20/2026"' }) label!: string;
}

@ObjectType()
export class StemTrack {
  @Field(() => Stem) stem!: Stem;
  /** As stored (unsigned); the `mediaUrl` field is signed at read time (version-media.resolver.ts). */
  mediaUrl!: string;
  productionId!: string;
}

@ObjectType({ description: "Measured loudness of a mix (ITU-R BS.1770)." })
export class Loudness {
  @Field(() => Float, { nullable: true }) integratedLkfs!: number | null;
  @Field(() => Float, { nullable: true }) truePeakDbtp!: number | null;
  @Field(() => Float, { nullable: true }) loudnessRange!: number | null;
}

@ObjectType()
export class VersionPermissions {
  @Field(() => Boolean) addVersion!: boolean;
  @Field(() => Boolean) addNote!: boolean;
  @Field(() => Boolean) submitForReview!: boolean;
  @Field(() => Boolean) review!: boolean;
  @Field(() => Boolean) lock!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Why review, submit or lock is not allowed, for the UI.",
  })
  reason!: string | null;
}

@ObjectType()
export class RoleApproval {
  @Field(() => Role) role!: Role;
  @Field(() => Boolean, { description: "False when no member holds the role: it is not waited for." })
  required!: boolean;
  @Field(() => User, { nullable: true }) approvedBy!: User | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
}

@ObjectType()
export class VersionStatusChange {
  @Field(() => VersionStatus, { nullable: true }) from!: VersionStatus | null;
  @Field(() => VersionStatus) to!: VersionStatus;
  @Field(() => User) by!: User;
  @Field(() => Date) at!: Date;
}

@ObjectType()
export class NoteCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int) wontFix!: number;
}

@ObjectType({ description: "One numbered version of an asset." })
export class Version {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => VersionStatus) status!: VersionStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) text!: string | null;
  /** As stored (unsigned); the `mediaUrl` field is signed at read time (version-media.resolver.ts). */
  mediaUrl!: string | null;
  @Field(() => FrameRate, { nullable: true, description: "Effective rate (default FPS_24) for CUT and MIX." })
  frameRate!: FrameRate | null;
  @Field(() => String, {
    nullable: true,
    description: "Effective start (default 00:00:00:00) for CUT and MIX.",
  })
  startTimecode!: string | null;
  @Field(() => Int, { nullable: true }) durationFrames!: number | null;
  @Field(() => ScriptRevision, { nullable: true }) revision!: ScriptRevision | null;
  @Field(() => [StemTrack]) stems!: StemTrack[];
  @Field(() => Loudness, { nullable: true }) loudness!: Loudness | null;
  @Field(() => Float, { nullable: true }) frameRateFps!: number | null;
  @Field(() => String, { nullable: true }) durationTimecode!: string | null;
  @Field(() => Int, { nullable: true }) lineCount!: number | null;

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
      Object.assign(new StemTrack(), {
        stem: s.stem,
        mediaUrl: s.mediaUrl,
        productionId: String(doc.productionId),
      }),
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
