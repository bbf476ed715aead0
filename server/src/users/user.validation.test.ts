import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-errors.js";
import { initialsOf } from "./user.type.js";
import { isCommonPassword, validateSignUp, validateTokenName } from "./user.validation.js";

describe("initialsOf", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Ann Director")).toBe("AD");
    expect(initialsOf("  mary  jane watson ")).toBe("MW");
    expect(initialsOf("Cher")).toBe("C");
    expect(initialsOf("Émile Zola")).toBe("ÉZ");
  });
});

describe("validateSignUp", () => {
  it("trims the name and lowercases the email", () => {
    expect(validateSignUp({ name: "  Ann ", email: " Ann@Example.COM ", password: "kq7#vz2m" })).toEqual({
      name: "Ann",
      email: "ann@example.com",
      password: "kq7#vz2m",
    });
  });

  it("names each bad field", () => {
    try {
      validateSignUp({ name: "x".repeat(101), email: "a@b", password: "1234567" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: { name: expect.any(String), email: expect.any(String), password: expect.any(String) },
      });
    }
  });

  it("knows common passwords case-insensitively, and not a passphrase", () => {
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("iloveyou")).toBe(true);
    expect(isCommonPassword("correct horse battery")).toBe(false);
  });

  it("validates API token names", () => {
    expect(validateTokenName("  ci  ")).toBe("ci");
    expect(() => validateTokenName("")).toThrow(AppError);
  });
});
