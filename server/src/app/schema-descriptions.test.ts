import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { undescribedCoordinates } from "./schema-descriptions.js";

describe("undescribedCoordinates", () => {
  it("names each undescribed type, field, argument, input field and enum value, skipping built-ins", () => {
    const schema = buildSchema(`
      "Root." type Query { "ok" a(x: Int, "y" y: Int): String b: Kind }
      enum Kind { "described" ONE TWO }
      input In { "ok" p: Int q: Int }
      "ok" type Unused { f(i: In): Int }
    `);
    expect(undescribedCoordinates(schema)).toEqual([
      "In",
      "In.q",
      "Kind",
      "Kind.TWO",
      "Query.a(x:)",
      "Query.b",
      "Unused.f",
      "Unused.f(i:)",
    ]);
  });
});
