import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { AssetKind } from "../assets/asset.enums.js";
import { Version } from "./version.type.js";

export enum CompareLineKind {
  SAME = "SAME",
  REMOVED = "REMOVED",
  ADDED = "ADDED",
}
registerEnumType(CompareLineKind, {
  name: "CompareLineKind",
  description: "A line of a script compare.",
  valuesConfig: {
    SAME: { description: "In both a and b." },
    REMOVED: { description: "Only in a." },
    ADDED: { description: "Only in b." },
  },
});

@ObjectType({ description: "One line of the line diff from `a` to `b`: kept, only in a, or only in b." })
export class CompareLine {
  @Field(() => CompareLineKind, { description: "Kept, removed or added." }) kind!: CompareLineKind;
  @Field(() => Int, { nullable: true, description: "Its line in a (1-based); null for ADDED." }) aLine!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Its line in b (1-based); null for REMOVED." }) bLine!:
    | number
    | null;
  @Field(() => String, { description: "The line's text." }) text!: string;
}

@ObjectType({ description: "How the two pictures are locked: frame for frame, or by timecode." })
export class CompareAlignment {
  @Field(() => Boolean, { description: "Same rate and start timecode: frame n of a is frame n of b." })
  sameClock!: boolean;
  @Field(() => String, { description: "What a viewer is told, e.g. why the frames are aligned by timecode." })
  summary!: string;
}

@ObjectType({ description: "Two versions of one asset, side by side." })
export class VersionComparison {
  @Field(() => AssetKind, { description: "The asset's kind (both versions share it)." }) kind!: AssetKind;
  @Field(() => Version, { description: "The version compared from." }) a!: Version;
  @Field(() => Version, { description: "The version compared to." }) b!: Version;
  @Field(() => CompareAlignment, { nullable: true, description: "CUT and MIX." })
  alignment!: CompareAlignment | null;
  @Field(() => [CompareLine], { nullable: true, description: "SCRIPT: the line diff from a to b." })
  lines!: CompareLine[] | null;
  @Field(() => Boolean, {
    description: "False when the scripts differ too much to diff in bounded time: lines lists a, then b.",
  })
  diffed!: boolean;
}
