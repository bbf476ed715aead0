import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { clientIpOf } from "./http-util.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

const dir = mkdtempSync(join(tmpdir(), "greenlight-http-"));
const clientDist = join(dir, "dist");
const mediaDir = join(dir, "media");
mkdirSync(join(clientDist, "assets"), { recursive: true });
mkdirSync(mediaDir, { recursive: true });
writeFileSync(join(clientDist, "index.html"), "<!doctype html><title>Greenlight</title>");
writeFileSync(join(clientDist, "assets", "index-3f9a1c2b.js"), "console.log(1)");
writeFileSync(join(clientDist, "favicon.svg"), "<svg/>");
const clip = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
writeFileSync(join(mediaDir, "clip.mp4"), clip);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { CLIENT_DIST: clientDist, MEDIA_DIR: mediaDir } });
});
afterAll(async () => {
  await t?.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(t.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("GraphQL over HTTP", () => {
  it("answers GET queries (with a CSRF-safe header)", async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent("{ health { ok version database } }")}`;
    const res = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { health: { ok: true, database: "embedded" } } });
  });

  it("sends a browser visiting /graphql to the bundled GraphiQL; tools still reach the API", async () => {
    const html = "text/html,application/xhtml+xml,*/*;q=0.8";
    const visit = await fetch(t.graphqlUrl, { headers: { accept: html }, redirect: "manual" });
    expect(visit.status).toBe(302);
    expect(visit.headers.get("location")).toBe("/graphiql");
    // A query in the URL, or a client asking for JSON, is an API call whatever else it accepts.
    const query = `${t.graphqlUrl}?query=${encodeURIComponent("{ health { ok } }")}`;
    const api = await fetch(query, { headers: { accept: html, "apollo-require-preflight": "true" } });
    expect(api.status).toBe(200);
    const bare = await fetch(t.graphqlUrl, { headers: { accept: "application/json" }, redirect: "manual" });
    expect(bare.status).not.toBe(302);
  });

  it("blocks a GET without a preflight-forcing header (CSRF prevention)", async () => {
    const res = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent("{ health { ok } }")}`);
    expect(res.status).toBe(400);
  });

  it("refuses mutations over GET with 405", async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent("mutation { signOut }")}`;
    const res = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(405);
  });

  it("negotiates application/graphql-response+json and application/json", async () => {
    const body = JSON.stringify({ query: "{ health { ok } }" });
    const modern = await post(body, { accept: "application/graphql-response+json" });
    expect(modern.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    const legacy = await post(body, { accept: "application/json" });
    expect(legacy.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("answers 415 for a body that is not JSON, with a GraphQL error body", async () => {
    const res = await fetch(t.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
    expect((await res.json()) as object).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("answers 400 for malformed JSON with a clear message", async () => {
    const res = await post('{"query": "{ health { ok } }"');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/not valid JSON/);
  });

  it("answers 413 for a 5 MB body and keeps serving", async () => {
    const big = JSON.stringify({
      query: "{ health { ok } }",
      variables: { pad: "x".repeat(5 * 1024 * 1024) },
    });
    const res = await post(big);
    expect(res.status).toBe(413);
    await res.text();
    const after = await post(JSON.stringify({ query: "{ health { ok } }" }));
    expect(after.status).toBe(200);
  });

  it("answers 413 when the body has no Content-Length (chunked) too", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        t.graphqlUrl,
        { method: "POST", headers: { "content-type": "application/json" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 32; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  it("reports parse errors as GRAPHQL_PARSE_FAILED (400) and unknown fields without suggestions by default", async () => {
    const modern = { accept: "application/graphql-response+json" };
    const parse = await post(JSON.stringify({ query: "{ health { ok " }), modern);
    expect(parse.status).toBe(400);
    // Legacy application/json: 200 with the same errors (GraphQL over HTTP, graphql-http's audits).
    const legacy = await post(JSON.stringify({ query: "{ health { ok " }), { accept: "application/json" });
    expect(legacy.status).toBe(200);
    expect(
      ((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe("GRAPHQL_PARSE_FAILED");
    const unknown = await post(JSON.stringify({ query: "{ healt { ok } }" }), modern);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // Issue 13, finding 9: `pnpm start` (development) answered with suggestions and stack traces.
    expect(body.errors[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });

  it("rejects introspection for anonymous callers and allows it when signed in", async () => {
    const anon = await t.gql("{ __schema { queryType { name } } }");
    expect(anon.status).toBe(400);
    expect(anon.body.errors?.[0]?.message).toMatch(/Introspection/);
    const viaFragment = await t.gql('{ ...F } fragment F on Query { __type(name: "User") { name } }');
    expect(viaFragment.status).toBe(400);
    expect((await t.gql("{ __typename }")).body.data).toEqual({ __typename: "Query" });
    const u = await buildUser(t);
    const signedIn = await t.gql<{ __schema: { queryType: { name: string } } }>(
      "{ __schema { queryType { name } } }",
      {},
      { token: u.token },
    );
    expect(signedIn.body.data?.__schema.queryType.name).toBe("Query");
  });

  it("rejects alias bombs and token bombs before execution", async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: health { ok }`).join(" ")} }`;
    const a = await t.gql(aliases);
    expect(a.status).toBe(400);
    expect(errorCode(a)).toBe("GRAPHQL_VALIDATION_FAILED");
    const tokens = `{ health { ${"ok ".repeat(6000)}} }`;
    const b = await t.gql(tokens);
    expect(b.status).toBe(400);
    expect(errorCode(b)).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("rejects a query nested deeper than 12 levels (default) before running it", async () => {
    const u = await buildUser(t);
    let inner = "id";
    for (let i = 0; i < 6; i++) inner = `assets { production { ${inner} } }`;
    const res = await t.gql(`{ productions { ${inner} } }`, {}, { token: u.token });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.body.errors?.[0]?.message).toBe("Query is 14 levels deep; the limit is 12.");
  });

  it("rejects an expensive query (lists multiplied by first) with BAD_USER_INPUT", async () => {
    const u = await buildUser(t);
    const query = `query($n: Int) { productions { assets { versions { notes(first: $n) { edges { node { id body replies { id body } } } } } } } }`;
    const cheap = await t.gql(query, { n: 1 }, { token: u.token });
    expect(cheap.body.errors).toBeUndefined();
    const costly = await t.gql(query, { n: 200 }, { token: u.token });
    expect(costly.status).toBe(400);
    expect(errorCode(costly)).toBe("BAD_USER_INPUT");
    expect(costly.body.errors?.[0]?.message).toMatch(/Query cost \d+ exceeds the limit of 25000/);
  });

  it("tags every GraphQL response with x-request-id", async () => {
    const res = await post(JSON.stringify({ query: "{ health { ok } }" }));
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await post(JSON.stringify({ query: "{ health { ok } }" }), {
      "x-request-id": "proxy-abc-12345",
    });
    expect(kept.headers.get("x-request-id")).toBe("proxy-abc-12345");
    const odd = await post(JSON.stringify({ query: "{ health { ok } }" }), { "x-request-id": "<script>" });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("static client and media", () => {
  it("serves /healthz", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(await res.json()).toMatchObject({ ok: true, database: "embedded" });
  });

  it("serves index.html for / and for client routes, never cached", async () => {
    for (const path of ["/", "/productions/abc/versions/1"]) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("serves hashed assets as immutable and other files briefly cached; missing files 404", async () => {
    const asset = await fetch(`${t.url}/assets/index-3f9a1c2b.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const icon = await fetch(`${t.url}/favicon.svg`);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await fetch(`${t.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
  });

  it("serves media with Range requests (206) for seeking", async () => {
    const whole = await fetch(`${t.url}/media/clip.mp4`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await whole.arrayBuffer()).equals(clip)).toBe(true);
    const part = await fetch(`${t.url}/media/clip.mp4`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(clip.subarray(100, 200))).toBe(true);
    const bad = await fetch(`${t.url}/media/clip.mp4`, { headers: { range: "bytes=5000-" } });
    expect(bad.status).toBe(416);
    expect((await fetch(`${t.url}/media/none.mp4`)).status).toBe(404);
  });
});

describe("clientIpOf", () => {
  const req = (xff: string | undefined) =>
    ({ headers: xff ? { "x-forwarded-for": xff } : {}, socket: { remoteAddress: "10.0.0.1" } }) as never;

  it("uses the socket address unless TRUST_PROXY, then the last X-Forwarded-For hop", () => {
    expect(clientIpOf(req("1.1.1.1, 2.2.2.2"), false)).toBe("10.0.0.1");
    expect(clientIpOf(req("1.1.1.1, 2.2.2.2"), true)).toBe("2.2.2.2");
    expect(clientIpOf(req(undefined), true)).toBe("10.0.0.1");
  });
});
