import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Close, CloseReason } from "../realtime/close-codes.js";
import { type BuiltUser, buildUser } from "../test/factories.js";
import {
  errorCode,
  expectData,
  startTestServer,
  type TestServer,
  writeOutsideCommands,
} from "../test/harness.js";
import { connectAs, type RawClient } from "../test/ws-test-client.js";
import { ApiTokenModel } from "./api-token.model.js";

// Issue 13, finding 15: API tokens never expired and survived sign-out, and nothing ended every
// session at once. Tokens now take an optional lifetime, and signOutEverywhere ends them all.
let t: TestServer;
const clients: RawClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await t?.close();
});

const CREATE = `mutation($n: String!, $d: Int) { createApiToken(name: $n, expiresInDays: $d) { token apiToken { id expiresAt } } }`;
type Created = { createApiToken: { token: string; apiToken: { id: string; expiresAt: string | null } } };

async function createToken(u: BuiltUser, days?: number | null) {
  return expectData(await t.gql<Created>(CREATE, { n: "tool", d: days }, { token: u.token })).createApiToken;
}
const me = (token: string) => t.gql<{ me: { id: string } | null }>("{ me { id } }", {}, { token });
async function signIn(u: BuiltUser): Promise<string> {
  const res = await t.gql<{ signIn: { token: string } }>(
    `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
    { e: u.email, p: u.password },
  );
  return expectData(res).signIn.token;
}
async function connect(token: string): Promise<RawClient> {
  const c = await connectAs(t.wsUrl, token);
  clients.push(c);
  return c;
}

describe("API token expiry", () => {
  it("records the lifetime asked for; without one the token never expires", async () => {
    const u = await buildUser(t);
    const before = Date.now();
    const dated = await createToken(u, 30);
    const at = Date.parse(dated.apiToken.expiresAt ?? "");
    expect(at - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 1_000);
    expect(at - before).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);
    expect((await createToken(u)).apiToken.expiresAt).toBeNull();
  });

  it.each([0, -1, 3651])("refuses expiresInDays %s with BAD_USER_INPUT", async (days) => {
    const u = await buildUser(t);
    expect(errorCode(await t.gql(CREATE, { n: "tool", d: days }, { token: u.token }))).toBe("BAD_USER_INPUT");
  });

  it("an expired token is UNAUTHENTICATED, says so, and is no longer listed", async () => {
    const u = await buildUser(t);
    const created = await createToken(u, 1);
    expect(expectData(await me(created.token)).me?.id).toBe(u.user.id);
    await writeOutsideCommands(() =>
      ApiTokenModel.updateOne(
        { _id: created.apiToken.id },
        { $set: { expiresAt: new Date(Date.now() - 1) } },
      ),
    );
    // The identity cache may hold the token for a few seconds; the refusal follows its change event.
    await expect
      .poll(async () => errorCode(await me(created.token)), { timeout: 5_000 })
      .toBe("UNAUTHENTICATED");
    expect((await me(created.token)).body.errors?.[0]?.message).toMatch(/expired/);
    const list = expectData(
      await t.gql<{ apiTokens: { id: string }[] }>("{ apiTokens { id } }", {}, { token: u.token }),
    );
    expect(list.apiTokens.map((x) => x.id)).not.toContain(created.apiToken.id);
  });

  it("closes a socket opened with the token when it expires", async () => {
    const u = await buildUser(t);
    const created = await createToken(u, 1);
    const expiresAt = Date.now() + 1_500;
    await writeOutsideCommands(() =>
      ApiTokenModel.updateOne({ _id: created.apiToken.id }, { $set: { expiresAt: new Date(expiresAt) } }),
    );
    const c = await connect(created.token);
    expect(await c.closed).toEqual({ code: Close.Forbidden, reason: CloseReason.expired });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
  });
});

describe("signOutEverywhere", () => {
  it("requires authentication", async () => {
    expect(errorCode(await t.gql("mutation { signOutEverywhere }"))).toBe("UNAUTHENTICATED");
  });

  it("ends every session and API token of the caller, closing their sockets, and no one else's", async () => {
    const u = await buildUser(t);
    const other = await buildUser(t);
    const second = await signIn(u);
    const api = (await createToken(u)).token;
    const sockets = await Promise.all([u.token, second, api].map(connect));
    const bystander = await connect(other.token);

    const ended = expectData(
      await t.gql<{ signOutEverywhere: number }>("mutation { signOutEverywhere }", {}, { token: second }),
    );
    expect(ended.signOutEverywhere).toBe(3);
    for (const token of [u.token, second, api]) expect(errorCode(await me(token))).toBe("UNAUTHENTICATED");
    const closes = await Promise.all(sockets.map((s) => s.closed));
    expect(closes.map((c) => c.code)).toEqual([Close.Forbidden, Close.Forbidden, Close.Forbidden]);
    expect(expectData(await me(other.token)).me?.id).toBe(other.user.id);
    expect(bystander.socket.readyState).toBe(bystander.socket.OPEN);
  });

  it("keepApiTokens ends the sessions only", async () => {
    const u = await buildUser(t);
    const api = (await createToken(u)).token;
    const ended = expectData(
      await t.gql<{ signOutEverywhere: number }>(
        "mutation { signOutEverywhere(keepApiTokens: true) }",
        {},
        { token: u.token },
      ),
    );
    expect(ended.signOutEverywhere).toBe(1);
    expect(errorCode(await me(u.token))).toBe("UNAUTHENTICATED");
    expect(expectData(await me(api)).me?.id).toBe(u.user.id);
  });
});
