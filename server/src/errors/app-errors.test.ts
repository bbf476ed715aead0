import { GraphQLError } from "graphql";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import {
  AppError,
  badInput,
  classifyDomainError,
  conflict,
  notFound,
  toAppError,
  unauthenticated,
} from "./app-errors.js";

describe("app errors", () => {
  it("carry the code and details in extensions", () => {
    expect(notFound("Version").extensions).toEqual({ code: "NOT_FOUND" });
    expect(notFound("Version").message).toBe("Version not found.");
    expect(badInput("bad", { email: "wrong" }).extensions).toEqual({
      code: "BAD_USER_INPUT",
      fields: { email: "wrong" },
    });
    expect(unauthenticated("slow down", 30).extensions).toEqual({
      code: "UNAUTHENTICATED",
      retryAfterSeconds: 30,
    });
    expect(conflict("x")).toBeInstanceOf(AppError);
  });

  it("maps duplicate keys to CONFLICT and validation errors to BAD_USER_INPUT", () => {
    const dup = Object.assign(new Error("E11000 duplicate key"), {
      code: 11000,
      keyValue: { email: "a@b.c" },
    });
    expect(classifyDomainError(dup)).toBe("duplicateKey");
    expect(toAppError(dup)?.code).toBe("CONFLICT");
    expect(toAppError(dup)?.message).toContain("email");
    const Model = mongoose.model(
      "ErrorsTestThing",
      new mongoose.Schema({ name: { type: String, required: true } }),
    );
    const validation = new Model({}).validateSync();
    expect(toAppError(validation)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { name: expect.stringContaining("required") },
    });
    expect(toAppError(new mongoose.Error.CastError("ObjectId", "nope", "_id"))?.code).toBe("NOT_FOUND");
  });

  it("leaves unknown errors unmapped (they get masked)", () => {
    expect(toAppError(new TypeError("boom"))).toBeNull();
    expect(toAppError("string")).toBeNull();
    // Apollo's validation errors are named "ValidationError" too; they must not be mistaken for mongoose's.
    expect(toAppError(Object.assign(new GraphQLError("x"), { name: "ValidationError" }))).toBeNull();
  });
});
