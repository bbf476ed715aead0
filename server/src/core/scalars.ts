import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

/**
 * The contract's `DateTime`: ISO-8601 strings on the wire, `Date` in resolvers.
 * Mapped to `Date` in buildSchema's scalarsMap, so `@Field(() => Date)` works too.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An ISO-8601 date-time string in UTC, e.g. 2026-11-20T09:30:00.000Z.",
  serialize(value) {
    const d = value instanceof Date ? value : new Date(value as string | number);
    if (Number.isNaN(d.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date.");
    return d.toISOString();
  },
  parseValue(value) {
    return parseIso(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be an ISO-8601 string.");
    return parseIso(ast.value);
  },
});

function parseIso(value: unknown): Date {
  if (typeof value !== "string") throw new GraphQLError("DateTime must be an ISO-8601 string.");
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`"${value}" is not an ISO-8601 date-time.`);
  return d;
}
