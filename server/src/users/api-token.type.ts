import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../core/scalars.js";
import type { ApiTokenDoc } from "./api-token.model.js";

@ObjectType({ description: "A long-lived token for tools and integrations." })
export class ApiToken {
  @Field(() => ID, { description: "The token's id, for revokeApiToken." })
  id!: string;

  @Field(() => String, { description: "The name given at creation, to tell tokens apart." })
  name!: string;

  @Field(() => String, { description: "The token's first characters, to tell tokens apart." })
  prefix!: string;

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    description: "When it last authenticated a request (updated at most once a minute); null if never.",
    nullable: true,
  })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it stops working; null: never." })
  expiresAt!: Date | null;
}

@ObjectType({ description: "A new API token: the secret, shown only this once, and its record." })
export class ApiTokenPayload {
  @Field(() => String, { description: "The secret, shown once." })
  token!: string;

  @Field(() => ApiToken, { description: "The token's record (no secret)." })
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
