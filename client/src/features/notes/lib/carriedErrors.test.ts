import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { carriedProblem } from "./carriedErrors";

const refused = (code: string, message: string) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

describe("carriedProblem", () => {
  it("says a CONFLICT means the note changed meanwhile, keeping the server's reason", () => {
    const text = carriedProblem(refused("CONFLICT", "The note is closed; it was not carried on."), "confirm");
    expect(text).toMatch(/^Couldn't mark this note as still applying: it changed meanwhile/);
    expect(text).toContain("The note is closed");
  });

  it("says a FORBIDDEN is about who may act from this version", () => {
    expect(carriedProblem(refused("FORBIDDEN", "No."), "status")).toMatch(
      /^You can't change this note's status from this version/,
    );
  });
});
