import { ArgsType, Field, ID, Int } from "type-graphql";
import { NoteCategory, NoteStatus } from "../notes/note.enums.js";
import { Role } from "../productions/production.enums.js";

@ArgsType()
export class VersionNotesArgs {
  @Field(() => NoteStatus, { nullable: true }) status?: NoteStatus | null;
  @Field(() => Int, { nullable: true, description: "Default 50, at most 200." }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => NoteCategory, { nullable: true }) category?: NoteCategory | null;
  @Field(() => ID, { nullable: true }) authorId?: string | null;
  @Field(() => Role, { nullable: true, description: "The author's role when writing." }) role?: Role | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Written by, assigned to, or mentioning the viewer." })
  mine?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Include soft-deleted notes." }) includeDeleted?:
    | boolean
    | null;
}

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
