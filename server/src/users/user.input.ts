import { Field, InputType } from "type-graphql";

@InputType({ description: "A new account." })
export class SignUpInput {
  @Field(() => String, { description: "Display name (not empty)." })
  name!: string;

  @Field(() => String, { description: "Sign-in email; CONFLICT if already used." })
  email!: string;

  @Field(() => String, { description: "At least 8 characters." })
  password!: string;
}
