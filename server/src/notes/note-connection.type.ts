import { Field, Int, ObjectType } from "type-graphql";
import { Note } from "./note.type.js";

@ObjectType({ description: "Where a page ends, for fetching the next one." })
export class PageInfo {
  @Field(() => Boolean, { description: "true when more items follow this page." }) hasNextPage!: boolean;
  @Field(() => String, {
    description: "The last item's cursor: pass it as `after` for the next page; null for an empty page.",
    nullable: true,
  })
  endCursor!: string | null;
}

@ObjectType({ description: "One note in a page, with its cursor." })
export class NoteEdge {
  @Field(() => String, { description: "Opaque; pass as `after` for the page after this note." })
  cursor!: string;
  @Field(() => Note, { description: "The note." }) node!: Note;
}

@ObjectType({ description: "A page of notes, oldest first." })
export class NoteConnection {
  @Field(() => [NoteEdge], { description: "This page." }) edges!: NoteEdge[];
  @Field(() => PageInfo, { description: "Whether more follow, and the cursor to get them." })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: "Notes matching the filters, across all pages." }) totalCount!: number;
}
