import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import type { ReplyDoc } from "./reply.model.js";

@ObjectType({ description: "A reply in a note's thread." })
export class Reply {
  @Field(() => ID, { description: "The reply's id." }) id!: string;
  @Field(() => String, { description: "The text." }) body!: string;
  @Field(() => Date, { description: "When it was written." }) createdAt!: Date;
  @Field(() => Role, {
    description: "The author's role when they wrote it; null if unknown (older data).",
    nullable: true,
  })
  authorRole!: Role | null;

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
