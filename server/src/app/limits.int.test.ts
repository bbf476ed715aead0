import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runtime } from "../core/runtime.js";
import { uniqueEmail } from "../test/factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";

// Production mode with tight limits, so they bite on the users domain's small types alone.
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer({
    env: { NODE_ENV: "production", JWT_SECRET: "p".repeat(40), MAX_QUERY_DEPTH: "2", MAX_QUERY_COST: "10" },
  });
  // Depth 2 only: signUp { token }.
  const res = await t.gql<{ signUp: { token: string } }>(
    "mutation($input: SignUpInput!) { signUp(input: $input) { token } }",
    { input: { name: "Limit Tester", email: uniqueEmail(), password: "long enough" } },
  );
  token = expectData(res).signUp.token;
});
afterAll(async () => {
  await t?.close();
});

describe("limits before execution", () => {
  it("rejects a query deeper than MAX_QUERY_DEPTH with GRAPHQL_VALIDATION_FAILED (400), fragments included", async () => {
    expect((await t.gql("{ me { id } }", {}, { token })).body.errors).toBeUndefined();
    const deep = await t.gql('mutation { createApiToken(name: "x") { apiToken { id } } }', {}, { token });
    expect(deep.status).toBe(400);
    expect(errorCode(deep)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(deep.body.errors?.[0]?.message).toBe("Query is 3 levels deep; the limit is 2.");
    const viaFragment = await t.gql(
      'mutation { ...M } fragment M on Mutation { createApiToken(name: "x") { apiToken { id } } }',
      {},
      { token },
    );
    expect(viaFragment.status).toBe(400);
    // Nothing ran: no token was created by the rejected operations.
    const list = expectData(
      await t.gql<{ apiTokens: { id: string }[] }>("{ apiTokens { id } }", {}, { token }),
    );
    expect(list.apiTokens).toEqual([]);
  });

  it("rejects an expensive query with BAD_USER_INPUT (400) naming the cost", async () => {
    // apiTokens is a list of objects (x10) = 10, plus me = 1: 11 > 10. Scalars are free.
    expect((await t.gql("{ apiTokens { id name createdAt } }", {}, { token })).body.errors).toBeUndefined();
    const res = await t.gql("{ apiTokens { id name createdAt } me { id } }", {}, { token });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/cost 11 exceeds the limit of 10/);
  });

  it("hides 'did you mean' suggestions and stack traces in production", async () => {
    const res = await t.gql("{ healt { ok } }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(res.body)).not.toContain("stacktrace");
  });
});

describe("variables that do not fit their types", () => {
  it("answer 400 BAD_USER_INPUT (not 500) and log no error, operators and __proto__ included", async () => {
    const errors = vi.spyOn(runtime().logger, "error");
    for (const v of [{ $gt: "" }, true, { __proto__: { admin: true } }, ["a", "b"]]) {
      const res = await t.gql(
        "query($v: ID!) { version(id: $v) { id } }",
        JSON.parse(JSON.stringify({ v })) as Record<string, unknown>,
        { token },
      );
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0]?.message).toMatch(/^Variable "\$v" got invalid value/);
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
