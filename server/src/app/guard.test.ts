import { describe, expect, it } from "vitest";
import { Authorized, getMetadataStorage, Query, Resolver } from "type-graphql";
import { PUBLIC_FIELDS } from "../test/public-fields.js";
import { buildGreenlightSchema } from "./schema.js";

type Root = "Query" | "Mutation" | "Subscription";

// Probes for the detector itself; not in app/resolvers.ts, so not in the served schema.
@Resolver()
class GuardProbeResolver {
  @Query(() => String)
  guardProbeOpen(): string {
    return "";
  }

  @Authorized()
  @Query(() => String)
  guardProbeClosed(): string {
    return "";
  }
}

@Authorized()
@Resolver()
class GuardProbeClassResolver {
  @Query(() => String)
  guardProbeByClass(): string {
    return "";
  }
}

/** Root field names that carry @Authorized on the method or on the resolver class. */
function authorizedRootFields(): Record<Root, Set<string>> {
  const storage = getMetadataStorage();
  const guardedClasses = new Set<object>(storage.authorizedResolver.map((a) => a.target));
  const guardedMethods = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
  const collect = (list: { target: object & { name: string }; methodName: string; schemaName: string }[]) =>
    new Set(
      list
        .filter((r) => guardedClasses.has(r.target) || guardedMethods.has(`${r.target.name}.${r.methodName}`))
        .map((r) => r.schemaName),
    );
  return {
    Query: collect(storage.queries),
    Mutation: collect(storage.mutations),
    Subscription: collect(storage.subscriptions),
  };
}

describe("the guard detector", () => {
  it("sees @Authorized on methods and on resolver classes, and nothing else", async () => {
    const guarded = authorizedRootFields();
    expect(guarded.Query.has("guardProbeClosed")).toBe(true);
    expect(guarded.Query.has("guardProbeByClass")).toBe(true);
    expect(guarded.Query.has("guardProbeOpen")).toBe(false);
    expect([GuardProbeResolver, GuardProbeClassResolver]).toHaveLength(2);
    const schema = await buildGreenlightSchema();
    expect(schema.getQueryType()?.getFields().guardProbeOpen).toBeUndefined();
  });
});

describe("every root field is guarded or explicitly public", () => {
  it("has @Authorized() or is listed in public-fields.ts", async () => {
    const schema = await buildGreenlightSchema();
    const guarded = authorizedRootFields();
    const offenders: string[] = [];
    for (const root of ["Query", "Mutation", "Subscription"] as const) {
      const type =
        root === "Query"
          ? schema.getQueryType()
          : root === "Mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      for (const name of Object.keys(type?.getFields() ?? {})) {
        if (!guarded[root].has(name) && !PUBLIC_FIELDS[root].includes(name))
          offenders.push(`${root}.${name}`);
      }
    }
    expect(offenders, "add @Authorized() or (deliberately) list them in test/public-fields.ts").toEqual([]);
  });

  it("lists no public field that does not exist or is also guarded", async () => {
    const schema = await buildGreenlightSchema();
    const guarded = authorizedRootFields();
    const stale: string[] = [];
    for (const root of ["Query", "Mutation", "Subscription"] as const) {
      const type =
        root === "Query"
          ? schema.getQueryType()
          : root === "Mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      for (const name of PUBLIC_FIELDS[root]) {
        if (!type?.getFields()[name] || guarded[root].has(name)) stale.push(`${root}.${name}`);
      }
    }
    expect(stale).toEqual([]);
  });
});
