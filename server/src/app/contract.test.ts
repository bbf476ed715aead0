import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../config/config.js";
import { contractViolations } from "../test/contract-check.js";
import { buildGreenlightSchema } from "./schema.js";

describe("contract check", () => {
  const contract = buildSchema(`
    enum Color { RED GREEN }
    type T { a(x: Int!): String! b: [Int!] }
    input I { p: String! }
    union U = T
    type Query { t: T u: U }
  `);

  it("accepts additions: types, fields, optional args and input fields, enum values", () => {
    const served = buildSchema(`
      enum Color { RED GREEN BLUE }
      type T { a(x: Int!, y: Int): String! b: [Int!] c: Int }
      type V { z: Int }
      input I { p: String! q: Int r: Int! = 3 }
      union U = T | V
      type Query { t: T u: U extra: Int }
    `);
    expect(contractViolations(contract, served)).toEqual([]);
  });

  it("reports what is missing, changed, or newly required", () => {
    const served = buildSchema(`
      enum Color { RED }
      type T { a(x: Int, z: Int!): String! }
      input I { p: String q: Int! }
      type V { z: Int }
      union U = V
      type Query { t: T u: U }
    `);
    expect(contractViolations(contract, served).sort()).toEqual(
      [
        "T.a(x:) is Int, contract says Int!",
        "T.a(z:) is new and required",
        "T.b is missing",
        "enum Color.GREEN is missing",
        "input I.p is String, contract says String!",
        "input I.q is new and required",
        "union U lacks T",
      ].sort(),
    );
  });
});

describe("the served schema contains schema/contract.graphql", () => {
  it("has every contract type, field, argument, input field, enum value and union member", async () => {
    const contract = buildSchema(readFileSync(join(REPO_ROOT, "schema", "contract.graphql"), "utf8"));
    const served = await buildGreenlightSchema();
    expect(contractViolations(contract, served)).toEqual([]);
  });
});
