import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken } from "../auth/token.service.js";
import { runCommand } from "../events/command.js";
import { type BuiltUser, buildUser } from "../test/factories.js";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";
import { Close, CloseReason } from "./close-codes.js";
import { connectAs, type RawClient } from "../test/ws-test-client.js";

let server: TestServer;
const clients: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

async function connect(token: string): Promise<RawClient> {
  const c = await connectAs(server.wsUrl, token);
  clients.push(c);
  return c;
}

async function signIn(u: BuiltUser): Promise<string> {
  const res = await server.gql<{ signIn: { token: string } }>(
    `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
    { e: u.email, p: u.password },
  );
  return expectData(res).signIn.token;
}

describe("identity ends while the socket is open", () => {
  it("signOut closes that session's sockets with 4403, and only those", async () => {
    const u = await buildUser(server);
    const other = await connect(await signIn(u)); // a second session of the same user
    const c = await connect(u.token);
    expectData(await server.gql(`mutation { signOut }`, {}, { token: u.token }));
    expect(await c.closed).toEqual({ code: Close.Forbidden, reason: CloseReason.signedOut });
    expect(other.socket.readyState).toBe(other.socket.OPEN);
  });

  it("revokeApiToken closes sockets opened with that token", async () => {
    const u = await buildUser(server);
    const created = expectData(
      await server.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        `mutation { createApiToken(name: "ci") { token apiToken { id } } }`,
        {},
        { token: u.token },
      ),
    ).createApiToken;
    const c = await connect(created.token);
    const session = await connect(u.token);
    expectData(
      await server.gql(
        `mutation($id: ID!) { revokeApiToken(id: $id) }`,
        { id: created.apiToken.id },
        {
          token: u.token,
        },
      ),
    );
    expect(await c.closed).toEqual({ code: Close.Forbidden, reason: CloseReason.revoked });
    expect(session.socket.readyState).toBe(session.socket.OPEN);
  });

  it("an access token's expiry closes its socket then", async () => {
    const u = await buildUser(server);
    const { token, expiresAt } = await runCommand("test/issue-token", ({ session }) =>
      issueAccessToken(session, u.user.id, 2),
    );
    const c = await connect(token);
    const closed = await c.closed;
    expect(closed).toEqual({ code: Close.Forbidden, reason: CloseReason.expired });
    // Closed by the expiry timer (not earlier), within the timer's slack.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(Date.now() - expiresAt.getTime()).toBeLessThan(1_000);
  });
});
