import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER, SESSION_COOKIE } from "../auth/session-cookie.js";
import { Close } from "../realtime/close-codes.js";
import { type BuiltUser, buildUser } from "../test/factories.js";
import {
  errorCode,
  expectData,
  type GqlResponse,
  startTestServer,
  type TestServer,
} from "../test/harness.js";

// Issue 13, finding 14: the web client kept its token in localStorage, where any script injected
// into the page could read it. The session is now an httpOnly SameSite=Strict cookie; each attack a
// cookie invites (cross-site requests, form posts, GET, cross-site WebSocket hijacking) is tried here.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token user { id } } }`;
const web = { [CSRF_HEADER]: "1" };

/** Signs in as the web client does; answers the cookie pair `gl_session=...` and the Set-Cookie line. */
async function webSignIn(u: BuiltUser): Promise<{ cookie: string; setCookie: string; res: GqlResponse }> {
  const res = await t.gql(SIGN_IN, { e: u.email, p: u.password }, { headers: web });
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  return { cookie, setCookie, res };
}
const me = (headers: Record<string, string>) =>
  t.gql<{ me: { id: string } | null }>("{ me { id } }", {}, { headers });

function openWs(headers: Record<string, string>): Promise<{ ws: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(t.wsUrl, "graphql-transport-ws", { headers });
    ws.on("unexpected-response", (_req, res) => resolve({ ws, status: res.statusCode }));
    ws.on("open", () => resolve({ ws }));
    ws.on("error", () => {});
  });
}
function nextFrame(ws: WebSocket): Promise<{ type?: string; close?: number }> {
  return new Promise((resolve) => {
    ws.once("message", (d) => resolve(JSON.parse(String(d)) as { type: string }));
    ws.once("close", (code) => resolve({ close: code }));
  });
}

describe("web sign-in puts the session in an httpOnly cookie", () => {
  it("sets HttpOnly, SameSite=Strict, Path=/ with the session's expiry, and answers no token", async () => {
    const u = await buildUser(t);
    const { cookie, setCookie, res } = await webSignIn(u);
    expect(res.status).toBe(200);
    expect(expectData(res as GqlResponse<{ signIn: { token: string } }>).signIn.token).toBe("");
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    const expires = Date.parse(/Expires=([^;]+)/.exec(setCookie)?.[1] ?? "");
    expect(expires).toBeGreaterThan(Date.now());
    expect(expectData(await me({ cookie, ...web })).me?.id).toBe(u.user.id);
  });

  it("tools keep bearer tokens: no header, no cookie, the token in the answer", async () => {
    const u = await buildUser(t);
    const res = await t.gql<{ signIn: { token: string } }>(SIGN_IN, { e: u.email, p: u.password });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(expectData(res).signIn.token.length).toBeGreaterThan(20);
  });

  it("Authorization wins over a cookie (another user's), and needs no CSRF header", async () => {
    const a = await buildUser(t);
    const b = await buildUser(t);
    const { cookie } = await webSignIn(a);
    const res = await me({ cookie, authorization: `Bearer ${b.token}` });
    expect(expectData(res).me?.id).toBe(b.user.id);
  });
});

describe("CSRF: a request carrying the cookie must come from our page", () => {
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await webSignIn(await buildUser(t)));
  });

  it("refuses it without the CSRF header (FORBIDDEN, 403)", async () => {
    const res = await me({ cookie });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.body.errors?.[0]?.message).toContain(CSRF_HEADER);
  });

  it("refuses it from another Origin even with the header", async () => {
    const res = await me({ cookie, ...web, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe("FORBIDDEN");
  });

  it("accepts it from its own Origin", async () => {
    const origin = new URL(t.url).origin;
    expect(expectData(await me({ cookie, ...web, origin })).me).not.toBeNull();
  });

  it("a cross-site form post (text/plain, cookie attached) is refused before anything runs", async () => {
    const res = await fetch(t.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie, origin: "https://evil.example" },
      body: JSON.stringify({ query: "mutation { signOutEverywhere }" }),
    });
    expect(res.status).toBe(415);
    expect(expectData(await me({ cookie, ...web })).me).not.toBeNull(); // still signed in
  });

  it("a mutation over GET (an <img> or link) is refused and nothing is ended", async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent("mutation { signOutEverywhere }")}`;
    const res = await fetch(url, { headers: { cookie, ...web } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(expectData(await me({ cookie, ...web })).me).not.toBeNull();
  });
});

describe("sign-out ends the cookie session", () => {
  it("clears the cookie; the old value is refused and cleared again", async () => {
    const u = await buildUser(t);
    const { cookie } = await webSignIn(u);
    const out = await t.gql("mutation { signOut }", {}, { headers: { cookie, ...web } });
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0`));
    const again = await me({ cookie, ...web });
    expect(errorCode(again)).toBe("UNAUTHENTICATED");
    expect(again.headers.get("set-cookie")).toMatch(/Max-Age=0/);
  });
});

describe("WebSocket handshake with the cookie", () => {
  it("cross-site WebSocket hijacking: another Origin is refused at the handshake (403)", async () => {
    const { cookie } = await webSignIn(await buildUser(t));
    const { ws, status } = await openWs({ cookie, origin: "https://evil.example" });
    expect(status).toBe(403);
    ws.terminate();
  });

  it("our Origin connects with the cookie alone, and sign-out closes the socket with 4403", async () => {
    const u = await buildUser(t);
    const { cookie } = await webSignIn(u);
    const { ws, status } = await openWs({ cookie, origin: new URL(t.url).origin });
    expect(status).toBeUndefined();
    ws.send(JSON.stringify({ type: "connection_init", payload: {} }));
    expect((await nextFrame(ws)).type).toBe("connection_ack");
    const closed = nextFrame(ws);
    await t.gql("mutation { signOut }", {}, { headers: { cookie, ...web } });
    expect((await closed).close).toBe(Close.Forbidden);
  });

  it("without cookie or token, connection_init is refused (4403)", async () => {
    const { ws } = await openWs({ origin: new URL(t.url).origin });
    ws.send(JSON.stringify({ type: "connection_init", payload: {} }));
    expect((await nextFrame(ws)).close).toBe(Close.Forbidden);
  });
});
