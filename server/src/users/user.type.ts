import { Field, ID, ObjectType } from "type-graphql";
import type { UserDoc } from "./user.model.js";

@ObjectType({ description: "A person with an account." })
export class User {
  @Field(() => ID, { description: "The user's id." })
  id!: string;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => String, { description: "Sign-in email, stored lower case." })
  email!: string;

  @Field(() => String, { description: "One or two letters for avatars, from the name." })
  initials!: string;
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? "?"];
  return letters
    .map((w) => Array.from(w ?? "")[0] ?? "")
    .join("")
    .toUpperCase();
}

export type UserLean = Pick<UserDoc, "_id" | "email" | "name">;

/** The one mapper from a stored user to the API shape. */
export function toUser(doc: UserLean): User {
  const user = new User();
  user.id = String(doc._id);
  user.name = doc.name;
  user.email = doc.email;
  user.initials = initialsOf(doc.name);
  return user;
}

/** Stand-in for an account that no longer exists, so non-null User fields still resolve. */
export function deletedUser(id: string): User {
  return Object.assign(new User(), { id, name: "Deleted user", email: "", initials: "?" });
}
