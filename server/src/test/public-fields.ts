/**
 * Root fields that answer without signing in. Everything else must carry `@Authorized()`;
 * `guard.test.ts` fails the build otherwise. Adding a name here is a security decision.
 */
export const PUBLIC_FIELDS: Readonly<Record<"Query" | "Mutation" | "Subscription", readonly string[]>> = {
  Query: ["health", "me"],
  Mutation: ["signUp", "signIn"],
  Subscription: [],
};
