import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import type { ReplyDoc } from "./reply.model.js";

@ObjectType({ description: "A reply in a note's thread." })
export class Reply {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Role, { nullable: true }) authorRole!: Role | null;

  noteId!: string;
  authorId!: string;
  productionId!: string;
}

export function toReply(doc: ReplyDoc): Reply {
  return Object.assign(new Reply(), {
    id: String(doc._id),
    body: doc.body,
    createdAt: doc.createdAt,
    authorRole: doc.authorRole ?? null,
    noteId: String(doc.noteId),
    authorId: String(doc.authorId),
    productionId: String(doc.productionId),
  });
}
