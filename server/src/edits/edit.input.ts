import { Field, ID, InputType } from "type-graphql";
import { EditFormat } from "./edit.enums.js";

@InputType({ description: "A CUT version's edit file, sent as text (bounded by the request body limit)." })
export class AttachEditInput {
  @Field(() => ID, { description: "A CUT version." }) versionId!: string;
  @Field(() => EditFormat, { description: "The file's format." }) format!: EditFormat;
  @Field(() => String, { description: "The file's text: a CMX3600 EDL, or OTIO JSON." }) text!: string;
  @Field(() => String, { nullable: true, description: "The uploaded file's name, for display." })
  fileName?: string | null;
}
