import { Field, ObjectType } from "type-graphql";
import { User } from "./user.type.js";

@ObjectType({ description: "The result of signIn or signUp." })
export class AuthPayload {
  @Field(() => String, {
    description:
      "Send as `Authorization: Bearer <token>`. Empty for the web client (requests with the `x-greenlight-csrf` header): its session is set as an httpOnly cookie instead.",
  })
  token!: string;

  @Field(() => User, { description: "The signed-in user." })
  user!: User;
}
