import { Field, ObjectType } from "type-graphql";
import { User } from "./user.type.js";

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: "Send as `Authorization: Bearer <token>`." })
  token!: string;

  @Field(() => User)
  user!: User;
}
