import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { describeError, fieldErrorsOf } from "./errors";

const refused = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: "Invalid version: mediaUrl bad.", extensions }] });

describe("fieldErrorsOf", () => {
  it("returns the per-field messages of a BAD_USER_INPUT error", () => {
    const error = refused({
      code: "BAD_USER_INPUT",
      fields: { mediaUrl: "bad", "loudness.truePeakDbtp": "range" },
    });
    expect(fieldErrorsOf(error)).toEqual({ mediaUrl: "bad", "loudness.truePeakDbtp": "range" });
    expect(describeError(error).kind).toBe("invalid");
  });
  it("is empty for other codes, missing fields and non-GraphQL errors", () => {
    expect(fieldErrorsOf(refused({ code: "FORBIDDEN", fields: { a: "b" } }))).toEqual({});
    expect(fieldErrorsOf(refused({ code: "BAD_USER_INPUT" }))).toEqual({});
    expect(fieldErrorsOf(new TypeError("fetch failed"))).toEqual({});
  });
});
