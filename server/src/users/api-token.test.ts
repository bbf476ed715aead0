import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";
import { ApiTokenModel } from "./api-token.model.js";

const CREATE = `mutation($name: String!) { createApiToken(name: $name) { token apiToken { id name prefix createdAt lastUsedAt } } }`;
const LIST = `{ apiTokens { id name prefix lastUsedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) }`;

interface Created {
  createApiToken: {
    token: string;
    apiToken: { id: string; name: string; prefix: string; lastUsedAt: string | null };
  };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe("API tokens", () => {
  it("requires authentication", async () => {
    expect(errorCode(await t.gql(CREATE, { name: "ci" }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await t.gql(LIST))).toBe("UNAUTHENTICATED");
  });

  it("creates a glt_ token that authenticates, is stored hashed, and records lastUsedAt", async () => {
    const u = await buildUser(t);
    const { createApiToken } = expectData(
      await t.gql<Created>(CREATE, { name: " Resolve sync " }, { token: u.token }),
    );
    expect(createApiToken.token).toMatch(/^glt_[A-Za-z0-9_-]{43}$/);
    expect(createApiToken.token.startsWith(createApiToken.apiToken.prefix)).toBe(true);
    expect(createApiToken.apiToken.name).toBe("Resolve sync");
    expect(createApiToken.apiToken.lastUsedAt).toBeNull();

    const stored = await ApiTokenModel.findById(createApiToken.apiToken.id).lean();
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(createApiToken.token);

    const me = expectData(
      await t.gql<{ me: { id: string } }>("{ me { id } }", {}, { token: createApiToken.token }),
    );
    expect(me.me.id).toBe(u.user.id);

    const listed = expectData(
      await t.gql<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(LIST, {}, { token: u.token }),
    );
    const first = listed.apiTokens.find((x) => x.id === createApiToken.apiToken.id)?.lastUsedAt;
    expect(first).toBeTruthy();
    // Used again within the minute: lastUsedAt is not rewritten.
    await t.gql("{ me { id } }", {}, { token: createApiToken.token });
    const again = expectData(
      await t.gql<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(LIST, {}, { token: u.token }),
    );
    expect(again.apiTokens.find((x) => x.id === createApiToken.apiToken.id)?.lastUsedAt).toBe(first);
  });

  it("revoking stops the token and hides it from the list", async () => {
    const u = await buildUser(t);
    const { createApiToken } = expectData(await t.gql<Created>(CREATE, { name: "temp" }, { token: u.token }));
    expect(
      expectData(
        await t.gql<{ revokeApiToken: boolean }>(
          REVOKE,
          { id: createApiToken.apiToken.id },
          { token: u.token },
        ),
      ).revokeApiToken,
    ).toBe(true);
    expect(errorCode(await t.gql(LIST, {}, { token: createApiToken.token }))).toBe("UNAUTHENTICATED");
    const listed = expectData(await t.gql<{ apiTokens: { id: string }[] }>(LIST, {}, { token: u.token }));
    expect(listed.apiTokens.map((x) => x.id)).not.toContain(createApiToken.apiToken.id);
  });

  it("answers NOT_FOUND for someone else's token, a revoked one, or a malformed id", async () => {
    const owner = await buildUser(t);
    const other = await buildUser(t);
    const { createApiToken } = expectData(
      await t.gql<Created>(CREATE, { name: "mine" }, { token: owner.token }),
    );
    expect(errorCode(await t.gql(REVOKE, { id: createApiToken.apiToken.id }, { token: other.token }))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await t.gql(REVOKE, { id: "nope" }, { token: owner.token }))).toBe("NOT_FOUND");
    await t.gql(REVOKE, { id: createApiToken.apiToken.id }, { token: owner.token });
    expect(errorCode(await t.gql(REVOKE, { id: createApiToken.apiToken.id }, { token: owner.token }))).toBe(
      "NOT_FOUND",
    );
  });

  it("rejects an empty name", async () => {
    const u = await buildUser(t);
    expect(errorCode(await t.gql(CREATE, { name: "  " }, { token: u.token }))).toBe("BAD_USER_INPUT");
  });

  it("signOut with an API token does not revoke it", async () => {
    const u = await buildUser(t);
    const { createApiToken } = expectData(await t.gql<Created>(CREATE, { name: "tool" }, { token: u.token }));
    const res = expectData(
      await t.gql<{ signOut: boolean }>("mutation { signOut }", {}, { token: createApiToken.token }),
    );
    expect(res.signOut).toBe(false);
    expect((await t.gql(LIST, {}, { token: createApiToken.token })).body.errors).toBeUndefined();
  });
});
