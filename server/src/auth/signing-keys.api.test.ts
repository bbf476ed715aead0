import { SignJWT, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { expectData, startTestServer, type TestServer, writeOutsideCommands } from "../test/harness.js";
import { KeyringModel } from "./signing-key.model.js";
import { currentSigningKey, forgetKeyring, rotateSigningKey } from "./signing-keys.js";
import { TOKEN_PROBLEM_MESSAGES } from "./token.service.js";

const ME = `{ me { id } }`;
const GUARDED = `{ apiTokens { id } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

/** The UNAUTHENTICATED message a token gets on a guarded field. */
async function refusal(token: string): Promise<string | undefined> {
  const res = await t.gql(GUARDED, {}, { token });
  expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  return res.body.errors?.[0]?.message;
}

describe("signing keys in the database (JWT_SECRET unset)", () => {
  it("creates one key however many callers race for it, and names it in every token", async () => {
    await writeOutsideCommands(() => KeyringModel.deleteMany({}));
    forgetKeyring();
    // Each call misses the (empty) cache and upserts: the store must let exactly one key land.
    const keys = await Promise.all(Array.from({ length: 8 }, () => currentSigningKey()));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    const doc = await KeyringModel.findById("keyring").lean();
    expect(doc?.keys.map((k) => k.kid)).toEqual([keys[0]?.kid]);
    const u = await buildUser(t);
    expect(decodeProtectedHeader(u.token).kid).toBe(keys[0]?.kid);
  });

  it("rotation: new tokens carry the new kid, tokens of the old key still work", async () => {
    const before = await buildUser(t);
    const oldKid = decodeProtectedHeader(before.token).kid;
    const { kid } = await rotateSigningKey();
    expect(kid).not.toBe(oldKid);
    const after = await buildUser(t);
    expect(decodeProtectedHeader(after.token).kid).toBe(kid);
    for (const u of [before, after]) {
      expect(expectData(await t.gql<{ me: { id: string } }>(ME, {}, { token: u.token })).me.id).toBe(
        u.user.id,
      );
    }
    const doc = await KeyringModel.findById("keyring").lean();
    expect(doc?.keys.map((k) => k.kid)).toEqual([oldKid, kid]);
  });

  it("rotation drops a key once no token it signed can still be valid", async () => {
    const { kid: first } = await currentSigningKey();
    const ttlMs = t.config.tokenTtlSeconds * 1_000;
    const { kid: second } = await rotateSigningKey();
    const later = new Date(Date.now() + ttlMs + 2 * 60_000);
    const { dropped } = await rotateSigningKey(later);
    expect(dropped).toContain(first);
    expect(dropped).not.toContain(second);
  });
});

describe("why a token is refused", () => {
  it("malformed, mistyped, unknown key, expired, signed out, revoked: each says so", async () => {
    const u = await buildUser(t);
    expect(await refusal("not-a-token")).toBe(TOKEN_PROBLEM_MESSAGES.malformed);
    const [h, p, sig] = u.token.split(".") as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    expect(await refusal(flipped)).toBe(TOKEN_PROBLEM_MESSAGES.invalid);

    const { key } = await currentSigningKey();
    const foreign = await new SignJWT({ sid: "x" })
      .setProtectedHeader({ alg: "HS256", kid: "no-such-key" })
      .setIssuer("greenlight")
      .setSubject(u.user.id)
      .setExpirationTime("1h")
      .sign(key);
    expect(await refusal(foreign)).toBe(TOKEN_PROBLEM_MESSAGES.unknownKey);

    const { kid } = await currentSigningKey();
    const expired = await new SignJWT({ sid: "x" })
      .setProtectedHeader({ alg: "HS256", kid })
      .setIssuer("greenlight")
      .setSubject(u.user.id)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    expect(await refusal(expired)).toBe(TOKEN_PROBLEM_MESSAGES.expired);

    await t.gql("mutation { signOut }", {}, { token: u.token });
    expect(await refusal(u.token)).toBe(TOKEN_PROBLEM_MESSAGES.signedOut);
  });

  it("API tokens: a mistyped one is unknown, a revoked one is revoked", async () => {
    const u = await buildUser(t);
    const { createApiToken } = expectData(
      await t.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        `mutation { createApiToken(name: "ci") { token apiToken { id } } }`,
        {},
        { token: u.token },
      ),
    );
    expect(await refusal(`${createApiToken.token.slice(0, -1)}x`)).toBe(TOKEN_PROBLEM_MESSAGES.unknownToken);
    await t.gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) }`,
      { id: createApiToken.apiToken.id },
      { token: u.token },
    );
    expect(await refusal(createApiToken.token)).toBe(TOKEN_PROBLEM_MESSAGES.revoked);
  });
});
