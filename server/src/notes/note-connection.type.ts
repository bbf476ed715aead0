import { Field, Int, ObjectType } from "type-graphql";
import { Note } from "./note.type.js";

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class NoteEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Note) node!: Note;
}

@ObjectType({ description: "A page of notes, oldest first." })
export class NoteConnection {
  @Field(() => [NoteEdge]) edges!: NoteEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: "Notes matching the filters, across all pages." }) totalCount!: number;
}
