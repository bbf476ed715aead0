import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

// Issue 13, finding 9: `pnpm start` runs NODE_ENV=development, and unauthenticated error responses
// carried stack traces with absolute paths and "Did you mean" suggestions.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { NODE_ENV: "development" } });
});
afterAll(async () => {
  await t?.close();
});

describe("error responses under pnpm start (development, no ERROR_DETAILS)", () => {
  it.each([
    ["an unknown field", "{ healt { ok } }", "GRAPHQL_VALIDATION_FAILED"],
    ["a parse error", "{ health { ok ", "GRAPHQL_PARSE_FAILED"],
    ["a guarded field", "{ productions { id } }", "UNAUTHENTICATED"],
    ["a bad token on me", "{ me { id } }", "UNAUTHENTICATED"],
  ])("%s: no stack trace, path or suggestion", async (_what, query, code) => {
    const res = await t.gql(query, {}, { headers: { authorization: "Bearer not.a.token" } });
    expect(errorCode(res)).toBe(code);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain("stacktrace");
    expect(text).not.toMatch(/Did you mean/);
    expect(text).not.toContain(process.cwd());
  });
});
