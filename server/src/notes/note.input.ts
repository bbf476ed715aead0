import { Field, ID, InputType, Int } from "type-graphql";
import { Stem } from "../versions/version.enums.js";
import { DrawingInput } from "./drawing.type.js";
import { NoteCategory } from "./note.enums.js";

@InputType()
export class ScriptAnchorInput {
  @Field(() => Int) lineStart!: number;
  @Field(() => Int) lineEnd!: number;
}

@InputType()
export class TimeAnchorInput {
  @Field(() => Int) startFrame!: number;
  @Field(() => Int, { nullable: true, description: "Defaults to startFrame." }) endFrame?: number | null;
  @Field(() => Stem, { nullable: true, description: "MIX only." }) stem?: Stem | null;
}

@InputType()
export class AddNoteInput {
  @Field(() => ID) versionId!: string;
  @Field(() => String, { description: "1-10,000 characters; @mentions are resolved." }) body!: string;
  @Field(() => ScriptAnchorInput, { nullable: true }) script?: ScriptAnchorInput | null;
  @Field(() => TimeAnchorInput, { nullable: true }) time?: TimeAnchorInput | null;
  @Field(() => NoteCategory, { nullable: true }) category?: NoteCategory | null;
  @Field(() => ID, { nullable: true, description: "A member of the production." }) assigneeId?: string | null;
  @Field(() => DrawingInput, { nullable: true, description: "CUT notes only; drawn on startFrame." })
  drawing?: DrawingInput | null;
}

@InputType()
export class EditNoteInput {
  @Field(() => ID) noteId!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => NoteCategory, { nullable: true }) category?: NoteCategory | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => Boolean, { nullable: true }) clearAssignee?: boolean | null;
  @Field(() => DrawingInput, { nullable: true, description: "Replaces the drawing (CUT notes only)." })
  drawing?: DrawingInput | null;
  @Field(() => Boolean, { nullable: true, description: "Removes the drawing." }) clearDrawing?:
    | boolean
    | null;
}
