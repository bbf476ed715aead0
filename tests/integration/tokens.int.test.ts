import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, type User } from "./support/api.js";
import { type Cluster, startCluster } from "./support/processes.js";
import { Socket } from "./support/socket.js";

/**
 * Two server processes on one store with JWT_SECRET unset: the signing key is created once in the
 * database, so a token from either process works on both (the load-balancer case).
 */
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster(2, { JWT_SECRET: "" });
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

const ME = "{ me { id } }";
const GUARDED = "{ apiTokens { id } }";

async function signUpOn(url: string, name: string): Promise<User> {
  const email = `${name}.${process.pid}.${Math.random().toString(36).slice(2)}@example.test`;
  const data = await gql<{ signUp: { token: string; user: { id: string } } }>(
    url,
    `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`,
    { i: { name, email, password: "correct horse battery" } },
  );
  return { id: data.signUp.user.id, token: data.signUp.token, email };
}

async function errorsOf(
  url: string,
  query: string,
  token: string,
): Promise<Array<{ message: string; extensions?: { code?: string } }>> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (
    ((await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> }).errors ??
    []
  );
}

describe("tokens across processes (signing key in the database)", () => {
  it("a token issued by either process works on both, over HTTP and WebSocket", async () => {
    const [a, b] = cluster.urls as [string, string];
    // Both processes need the key at the same moment: the database must give them the same one.
    const [onA, onB] = await Promise.all([signUpOn(a, "alice"), signUpOn(b, "bob")]);
    for (const url of [a, b]) {
      for (const u of [onA, onB]) {
        expect((await gql<{ me: { id: string } }>(url, ME, {}, u.token)).me.id).toBe(u.id);
      }
    }
    const kid = (t: string) => JSON.parse(Buffer.from(t.split(".")[0] as string, "base64url").toString()).kid;
    expect(kid(onA.token)).toBe(kid(onB.token));

    const production = (
      await gql<{ createProduction: { id: string } }>(
        a,
        `mutation { createProduction(input: { title: "Tokens" }) { id } }`,
        {},
        onA.token,
      )
    ).createProduction.id;
    const ws = await Socket.open(cluster.wsUrls[1] as string, onA.token);
    ws.ws.send(
      JSON.stringify({
        id: "1",
        type: "subscribe",
        payload: {
          query: `subscription($p: ID!) { productionEvents(productionId: $p) { type } }`,
          variables: { p: production },
        },
      }),
    );
    // An event written through A reaches the subscription on B: B accepted A's token.
    const asset = `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`;
    const until = ws.until((f) => f.type === "next" && f.id === "1");
    await gql(a, asset, { i: { productionId: production, kind: "CUT", title: "Reel" } }, onA.token);
    expect(JSON.stringify((await until).payload)).toContain("ASSET");
    ws.ws.close();
  });

  it("signing out on B refuses the token on A at once, over HTTP and on A's open socket", async () => {
    const [a, b] = cluster.urls as [string, string];
    const u = await signUpOn(a, "carol");
    expect(await errorsOf(a, GUARDED, u.token)).toEqual([]); // verified (and cached) on A
    const socketOnA = await Socket.open(cluster.wsUrls[0] as string, u.token);
    await gql(b, "mutation { signOut }", {}, u.token);
    const signedOutAt = performance.now();
    // A hears of the sign-out on its change stream; count the requests until it refuses.
    let errors = await errorsOf(a, GUARDED, u.token);
    let accepted = 0;
    while (errors.length === 0 && performance.now() - signedOutAt < 2_000) {
      accepted++;
      errors = await errorsOf(a, GUARDED, u.token);
    }
    const lagMs = performance.now() - signedOutAt;
    console.log(
      `sign-out on B refused on A after ${lagMs.toFixed(1)} ms (${accepted} requests accepted in between)`,
    );
    expect(errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(errors[0]?.message).toMatch(/signed out/);
    expect(lagMs).toBeLessThan(1_000);
    expect(await socketOnA.closed).toMatchObject({ code: 4403 });
    // B refuses it too, and says why.
    expect((await errorsOf(b, GUARDED, u.token))[0]?.message).toMatch(/signed out/);
  });
});
