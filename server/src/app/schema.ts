import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { authChecker } from "../auth/auth-checker.js";
import { resolvers } from "./resolvers.js";
import { DateTimeScalar } from "../core/scalars.js";

export interface BuildSchemaOptions {
  /** Only for `@Subscription({ topics })` resolvers; ours pass `subscribe:` (the realtime hub). */
  pubSub?: PubSub;
}

/**
 * type-graphql refuses @Subscription fields without a pubSub even when each brings its own
 * `subscribe` (realtime does: its hub is the bus). This inert one satisfies it and fails loudly
 * if a topics-based subscription is ever added.
 */
const inertPubSub: PubSub = {
  publish: () => {},
  subscribe: () => {
    throw new Error("Subscriptions use their own `subscribe` (realtime hub), not type-graphql topics.");
  },
};

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
    pubSub: options.pubSub ?? inertPubSub,
  }).then(describeRoots);
  return cached;
}

/** type-graphql has no option for the root types' descriptions; they are set once, before use. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query)
    query.description =
      "Reads. Everything but health and me needs a token; members read their productions only.";
  if (mutation)
    mutation.description =
      "Writes. Each is one transaction that records its events; errors carry extensions.code (contract.graphql).";
  if (subscription)
    subscription.description = "Live streams over graphql-ws on /graphql, resumable from an event cursor.";
  return schema;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
