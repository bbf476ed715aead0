import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { authChecker } from "../auth/auth-checker.js";
import { resolvers } from "./resolvers.js";
import { DateTimeScalar } from "./scalars.js";

export interface BuildSchemaOptions {
  /** Only needed by `@Subscription({ topics })` resolvers; `subscribe:`-style ones do without. */
  pubSub?: PubSub;
}

/**
 * The served schema. Validation is done by services (typed AppErrors), not class-validator.
 * Cached per process: type-graphql metadata is global, so building once is also the cheap path.
 */
let cached: Promise<GraphQLSchema> | undefined;

export function buildGreenlightSchema(options: BuildSchemaOptions = {}): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    ...(options.pubSub ? { pubSub: options.pubSub } : {}),
  });
  return cached;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
