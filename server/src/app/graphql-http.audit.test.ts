import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";

/**
 * The GraphQL over HTTP spec's own conformance suite (graphql-http's serverAudits), run signed in:
 * every MUST, SHOULD and MAY must pass. The audits query `{ __typename }` and deliberately broken
 * requests, with and without `Accept: application/json`.
 */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = (await buildUser(t)).token;
});
afterAll(async () => {
  await t?.close();
});

const signedIn: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set("authorization", `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

describe("graphql-http serverAudits", () => {
  for (const audit of serverAudits({ url: () => `${t.url}/graphql`, fetchFn: signedIn })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const why = result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`;
      expect(why).toBe("ok");
    });
  }
});
