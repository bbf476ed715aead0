import { ArgsType, Field, Int } from "type-graphql";
import { MarkerFormat } from "./marker.enums.js";

@ArgsType()
export class ExportMarkersArgs {
  @Field(() => MarkerFormat, { description: "The marker or EDL format to write." }) format!: MarkerFormat;

  @Field(() => Int, {
    defaultValue: 1,
    description:
      "RESOLVE_EDL only: which file of `exportMarkerParts` (999 events each, CMX3600's limit); 1 for other formats.",
  })
  part!: number;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "CSV only: the Excel preset (a UTF-8 byte-order mark, so Excel on Windows reads UTF-8).",
  })
  excel!: boolean;

  @Field(() => Int, {
    defaultValue: 6,
    description: "AVID_TXT only: 6 columns (every Media Composer) or 8 (as newer versions export).",
  })
  avidColumns!: number;
}
