import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../core/scalars.js";
import type { ApiTokenDoc } from "./api-token.model.js";

@ObjectType({ description: "A long-lived token for tools and integrations." })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The token's first characters, to tell tokens apart." })
  prefix!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it stops working; null: never." })
  expiresAt!: Date | null;
}

@ObjectType()
export class ApiTokenPayload {
  @Field(() => String, { description: "The secret, shown once." })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

export function toApiToken(
  doc: Pick<ApiTokenDoc, "_id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "expiresAt">,
): ApiToken {
  const t = new ApiToken();
  t.id = String(doc._id);
  t.name = doc.name;
  t.prefix = doc.prefix;
  t.createdAt = doc.createdAt;
  t.lastUsedAt = doc.lastUsedAt ?? null;
  t.expiresAt = doc.expiresAt ?? null;
  return t;
}
