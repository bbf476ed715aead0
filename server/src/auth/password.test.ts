import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.js";

describe("password hashing", () => {
  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
  });

  it("salts each hash and treats equivalent Unicode forms alike", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
    const composed = "caf\u00e9-password";
    const decomposed = "cafe\u0301-password";
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("rejects malformed stored hashes without throwing, and burns time for unknown accounts", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
    await expect(burnPasswordCheck("whatever")).resolves.toBeUndefined();
  });
});
