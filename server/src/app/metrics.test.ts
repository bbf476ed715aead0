import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { connectAs } from "../test/ws-test-client.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

async function scrape(): Promise<{ text: string; value(series: string): number }> {
  const res = await fetch(`${t.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return {
    text,
    value(series) {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : Number.NaN;
    },
  };
}

describe("/metrics, /livez, /readyz", () => {
  it("a scrape shows GraphQL durations by operation, errors by code, sockets and process metrics", async () => {
    const u = await buildUser(t);
    await t.gql(`query Whoami { me { id } }`, {}, { token: u.token });
    await t.gql(`query Guarded { apiTokens { id } }`);
    const socket = await connectAs(t.wsUrl, u.token);
    const m = await scrape();
    expect(
      m.value('greenlight_graphql_request_duration_seconds_count{operation="Whoami",type="query"}'),
    ).toBe(1);
    expect(m.value('greenlight_graphql_errors_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(m.value("greenlight_ws_connections")).toBe(1);
    expect(
      m.value('greenlight_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
    ).toBeGreaterThanOrEqual(3);
    expect(m.text).toContain("greenlight_process_cpu_user_seconds_total");
    expect(m.text).toContain("greenlight_nodejs_eventloop_lag_seconds");
    await socket.close();
    // The close is counted when the server sees it; scrape until it has (no sleeps).
    let after = await scrape();
    while (after.value("greenlight_ws_connections") !== 0) after = await scrape();
    expect(after.value('greenlight_ws_closes_total{code="1000"}')).toBeGreaterThanOrEqual(1);
  });

  it("random paths share one route label (no series per path)", async () => {
    for (const p of ["/a", "/b/c", "/d.js"]) await (await fetch(`${t.url}${p}`)).arrayBuffer();
    const m = await scrape();
    expect(m.text).not.toMatch(/route="\/a"/);
    expect(m.text).toMatch(/route="client"/);
  });

  it("livez is the process, readyz the database", async () => {
    const live = await fetch(`${t.url}/livez`);
    expect(live.status).toBe(200);
    expect(live.headers.get("x-request-id")).toBeTruthy();
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: "reachable", changeFeed: "open" });
  });
});
