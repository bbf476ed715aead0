import { Field, ID, InputType, Int } from "type-graphql";
import { Stem } from "../versions/version.enums.js";
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
  @Field(() => String, {
    nullable: true,
    description:
      "Idempotency key chosen by the client (1-64 of A-Z a-z 0-9 _ -): sending the same key again returns the note it created, with no second note or event. For notes queued offline and sent on reconnect.",
  })
  clientKey?: string | null;
}

@InputType()
export class EditNoteInput {
  @Field(() => ID) noteId!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => NoteCategory, { nullable: true }) category?: NoteCategory | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => Boolean, { nullable: true }) clearAssignee?: boolean | null;
}
