import { Field, Float, ID, InputType, Int } from "type-graphql";
import { FrameRate } from "@greenlight/common/timecode";
import { RevisionColor, Stem } from "./version.enums.js";

@InputType({ description: "One stem file of a MIX version." })
export class StemTrackInput {
  @Field(() => Stem, { description: "Which stem; each at most once." }) stem!: Stem;
  @Field(() => String, { description: "Where it is, under the same rules as AddVersionInput.mediaUrl." })
  mediaUrl!: string;
}

@InputType({ description: "Measured loudness of a MIX version (ITU-R BS.1770); each value optional." })
export class LoudnessInput {
  @Field(() => Float, { description: "Integrated loudness in LKFS (= LUFS).", nullable: true })
  integratedLkfs?: number | null;
  @Field(() => Float, { description: "True peak in dBTP.", nullable: true }) truePeakDbtp?: number | null;
  @Field(() => Float, { description: "Loudness range (LRA) in LU.", nullable: true }) loudnessRange?:
    | number
    | null;
}

@InputType({ description: "A new version of an asset; fields for the wrong kind are BAD_USER_INPUT." })
export class AddVersionInput {
  @Field(() => ID, { description: "The asset (NOT_FOUND if not yours)." }) assetId!: string;
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
  @Field(() => FrameRate, { description: "CUT/MIX: the media's rate; default FPS_24.", nullable: true })
  frameRate?: FrameRate | null;
  @Field(() => String, { nullable: true, description: 'HH:MM:SS:FF or HH:MM:SS;FF, e.g. "01:00:00:00".' })
  startTimecode?: string | null;
  @Field(() => Int, {
    description: "CUT/MIX: length in frames (1 or more); bounds note frames when given.",
    nullable: true,
  })
  durationFrames?: number | null;
  @Field(() => RevisionColor, { nullable: true, description: "SCRIPT only; default by version number." })
  revisionColor?: RevisionColor | null;
  @Field(() => String, {
    description: 'SCRIPT only: the page label, e.g. "Blue Revision 11/20/2026".',
    nullable: true,
  })
  revisionLabel?: string | null;
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
