import { Field, Float, ID, InputType, Int } from "type-graphql";
import { FrameRate } from "@greenlight/common/timecode";
import { RevisionColor, Stem } from "./version.enums.js";

@InputType()
export class StemTrackInput {
  @Field(() => Stem) stem!: Stem;
  @Field(() => String) mediaUrl!: string;
}

@InputType()
export class LoudnessInput {
  @Field(() => Float, { nullable: true }) integratedLkfs?: number | null;
  @Field(() => Float, { nullable: true }) truePeakDbtp?: number | null;
  @Field(() => Float, { nullable: true }) loudnessRange?: number | null;
}

@InputType()
export class AddVersionInput {
  @Field(() => ID) assetId!: string;
  @Field(() => String, {
    nullable: true,
    description: "Required for SCRIPT (Fountain text); not for CUT/MIX.",
  })
  text?: string | null;
  @Field(() => Boolean, {
    defaultValue: true,
    description:
      "SCRIPT only: turn the text's Fountain [[notes]] into notes on the lines they sat on (you their author; an exported 'Author (STATUS): body' keeps its status) and strip them from the text. At most 500.",
  })
  importFountainNotes?: boolean;
  @Field(() => String, {
    nullable: true,
    description: "CUT/MIX: a /media/... path, or an https URL (no credentials) on a MEDIA_HOSTS host.",
  })
  mediaUrl?: string | null;
  @Field(() => FrameRate, { nullable: true }) frameRate?: FrameRate | null;
  @Field(() => String, { nullable: true, description: 'HH:MM:SS:FF or HH:MM:SS;FF, e.g. "01:00:00:00".' })
  startTimecode?: string | null;
  @Field(() => Int, { nullable: true }) durationFrames?: number | null;
  @Field(() => RevisionColor, { nullable: true, description: "SCRIPT only; default by version number." })
  revisionColor?: RevisionColor | null;
  @Field(() => String, { nullable: true }) revisionLabel?: string | null;
  @Field(() => [StemTrackInput], { nullable: true, description: "MIX only." }) stems?:
    | StemTrackInput[]
    | null;
  @Field(() => LoudnessInput, { nullable: true, description: "MIX only." }) loudness?: LoudnessInput | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "MIX only: the CUT version (same production) this mix was mixed against. When the next mix names a recut, the open notes follow picture through the cuts' conform (docs/conform.md).",
  })
  pictureVersionId?: string | null;
}
