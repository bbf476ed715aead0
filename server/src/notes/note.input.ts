import { Field, ID, InputType, Int } from "type-graphql";
import { Stem } from "../versions/version.enums.js";
import { DrawingInput } from "./drawing.type.js";
import { NoteCategory } from "./note.enums.js";

@InputType({
  description:
    "Lines of a SCRIPT version: 1 <= lineStart <= lineEnd <= the version's lineCount (else BAD_USER_INPUT).",
})
export class ScriptAnchorInput {
  @Field(() => Int, { description: "First line, 1-based." }) lineStart!: number;
  @Field(() => Int, { description: "Last line, inclusive." }) lineEnd!: number;
}

@InputType({
  description:
    "Frames of a CUT or MIX version: 0 <= startFrame <= endFrame < durationFrames when known (else BAD_USER_INPUT).",
})
export class TimeAnchorInput {
  @Field(() => Int, { description: "First frame, from 0 at the first frame of the media." })
  startFrame!: number;
  @Field(() => Int, { nullable: true, description: "Defaults to startFrame." }) endFrame?: number | null;
  @Field(() => Stem, { nullable: true, description: "MIX only." }) stem?: Stem | null;
}

@InputType({
  description:
    "A new note: exactly one of script (SCRIPT versions) or time (CUT, MIX); every role but VIEWER; CONFLICT on a LOCKED version.",
})
export class AddNoteInput {
  @Field(() => ID, { description: "The version to note (NOT_FOUND if missing or not your production)." })
  versionId!: string;
  @Field(() => String, { description: "1-10,000 characters; @mentions are resolved." }) body!: string;
  @Field(() => ScriptAnchorInput, { description: "Line anchor, for SCRIPT versions only.", nullable: true })
  script?: ScriptAnchorInput | null;
  @Field(() => TimeAnchorInput, {
    description: "Frame anchor, for CUT and MIX versions only.",
    nullable: true,
  })
  time?: TimeAnchorInput | null;
  @Field(() => NoteCategory, { description: "What the note is about (optional).", nullable: true })
  category?: NoteCategory | null;
  @Field(() => ID, { nullable: true, description: "A member of the production." }) assigneeId?: string | null;
  @Field(() => DrawingInput, { nullable: true, description: "CUT notes only; drawn on startFrame." })
  drawing?: DrawingInput | null;
}

@InputType({ description: "An edit of a note by its author; fields left null stay as they are." })
export class EditNoteInput {
  @Field(() => ID, { description: "The note to edit." }) noteId!: string;
  @Field(() => String, { description: "New text, 1 to 10,000 characters.", nullable: true }) body?:
    | string
    | null;
  @Field(() => NoteCategory, { description: "New category.", nullable: true }) category?: NoteCategory | null;
  @Field(() => ID, { description: "New assignee, a member of the production.", nullable: true }) assigneeId?:
    | string
    | null;
  @Field(() => Boolean, { description: "true removes the assignee.", nullable: true }) clearAssignee?:
    | boolean
    | null;
  @Field(() => DrawingInput, { nullable: true, description: "Replaces the drawing (CUT notes only)." })
  drawing?: DrawingInput | null;
  @Field(() => Boolean, { nullable: true, description: "Removes the drawing." }) clearDrawing?:
    | boolean
    | null;
}
