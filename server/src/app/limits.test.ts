import { buildSchema, parse, validate } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { describe, expect, it } from "vitest";
import { costEstimator, maxAliasesRule, maxDepthRule } from "./limits.js";

const schema = buildSchema(`
  type Node { id: ID! child: Node children(first: Int = 50): [Node!]! list: [Node!]! }
  type Query { node: Node nodes(first: Int): [Node!]! }
`);

const errorsOf = (query: string, rule: ReturnType<typeof maxDepthRule>) =>
  validate(schema, parse(query), [rule]).map((e) => e.message);

describe("maxDepthRule", () => {
  it("counts nesting through fragments", () => {
    const q = "query { node { child { ...F } } } fragment F on Node { child { child { id } } }";
    expect(errorsOf(q, maxDepthRule(5))).toEqual([]);
    expect(errorsOf(q, maxDepthRule(4))).toEqual(["Query is 5 levels deep; the limit is 4."]);
  });

  it("does not count introspection meta fields", () => {
    expect(
      errorsOf("{ __schema { types { fields { type { ofType { name } } } } } }", maxDepthRule(2)),
    ).toEqual([]);
  });
});

describe("maxAliasesRule", () => {
  it("rejects alias bombs", () => {
    const q = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: node { id }`).join(" ")} }`;
    expect(errorsOf(q, maxAliasesRule(5))).toEqual([]);
    expect(errorsOf(q, maxAliasesRule(4))).toEqual(["Query uses 5 aliases; the limit is 4."]);
  });
});

describe("costEstimator", () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [costEstimator] });

  it("counts objects (scalars free), multiplied by `first`, its default, or 10 for plain lists", () => {
    expect(cost("{ node { id } }")).toBe(1);
    expect(cost("query($n: Int) { nodes(first: $n) { id } }", { n: 100 })).toBe(100);
    expect(cost("{ node { children { id } } }")).toBe(1 + 50);
    expect(cost("{ node { list { id } } }")).toBe(1 + 10);
  });
});
