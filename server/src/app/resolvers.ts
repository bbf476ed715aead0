import type { buildSchema } from "type-graphql";
import { HealthResolver } from "./health.resolver.js";
import { UserResolver } from "../users/user.resolver.js";

/*
 * Every resolver class in the schema. Domain helpers import theirs above and append them to the
 * list below; nothing else needs to change (the guard test checks each new root field).
 */
/** type-graphql wants a non-empty list of resolver classes. */
export const resolvers: Parameters<typeof buildSchema>[0]["resolvers"] = [
  HealthResolver,
  UserResolver,
  // ---- Registrations: domain helpers append resolver classes below this line. ----
];
