import { ArgsType, Field, ID, Int } from "type-graphql";
import { NoteCategory, NoteStatus } from "../notes/note.enums.js";
import { Role } from "../productions/production.enums.js";

@ArgsType()
export class VersionNotesArgs {
  @Field(() => NoteStatus, { description: "Only notes in this status.", nullable: true })
  status?: NoteStatus | null;
  @Field(() => Int, { nullable: true, description: "Default 50, at most 200." }) first?: number | null;
  @Field(() => String, {
    description:
      "A cursor (NoteEdge.cursor or pageInfo.endCursor): start after it; null from the start. An unknown cursor is BAD_USER_INPUT.",
    nullable: true,
  })
  after?: string | null;
  @Field(() => NoteCategory, { description: "Only notes of this category.", nullable: true })
  category?: NoteCategory | null;
  @Field(() => ID, { description: "Only notes written by this user.", nullable: true }) authorId?:
    | string
    | null;
  @Field(() => Role, { nullable: true, description: "The author's role when writing." }) role?: Role | null;
  @Field(() => ID, { description: "Only notes assigned to this user.", nullable: true }) assigneeId?:
    | string
    | null;
  @Field(() => Boolean, { nullable: true, description: "Written by, assigned to, or mentioning the viewer." })
  mine?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Include soft-deleted notes." }) includeDeleted?:
    | boolean
    | null;
}

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { description: "Page size: default 50, 1 to 200 (else BAD_USER_INPUT).", nullable: true })
  first?: number | null;
  @Field(() => String, {
    description: "A cursor from the previous page's pageInfo.endCursor; null from the start.",
    nullable: true,
  })
  after?: string | null;
}
