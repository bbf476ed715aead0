import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { currentHub } from "../realtime/hub.js";
import { buildNote, buildProduction, buildVersion } from "../test/domain-factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { connectAs, nextsOf, type RawClient, waitForSubscribers } from "../test/ws-test-client.js";

let t: TestServer;
const clients: RawClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await t?.close();
});

async function scrape(): Promise<(series: string) => number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return (series) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };
}

const EVENTS = `subscription($p: ID!) { productionEvents(productionId: $p) { type } }`;
const VERSION_EVENTS = `subscription($v: ID!) { versionEvents(versionId: $v) { type } }`;

describe("realtime and store metrics", () => {
  it("count subscriptions, deliveries per subscriber, commit-to-send lag, feed opens and store commands", async () => {
    const p = await buildProduction(t, { members: { EDITOR: 1 } });
    const { versionId } = await buildVersion(t, p, AssetKind.CUT);
    const start = await scrape();
    const c = await connectAs(t.wsUrl, p.as("EDITOR").token);
    clients.push(c);
    c.subscribe("e", EVENTS, { p: p.id });
    c.subscribe("v", VERSION_EVENTS, { v: versionId });
    await waitForSubscribers(p.id, 2);
    expect((await scrape())("greenlight_subscriptions")).toBe(2);

    await buildNote(t, p.showrunner, versionId, { time: { startFrame: 1 } }, "counted");
    await c.waitFor(nextsOf("e"));
    await c.waitFor(nextsOf("v"));
    const m = await scrape();
    // One event, written to both subscriptions: two deliveries, one lag sample.
    expect(m("greenlight_deliveries_total") - start("greenlight_deliveries_total")).toBe(2);
    expect(m("greenlight_delivery_lag_seconds_count") - start("greenlight_delivery_lag_seconds_count")).toBe(
      1,
    );
    expect(m('greenlight_delivery_lag_seconds_bucket{le="+Inf"}')).toBeGreaterThanOrEqual(1);
    // Every event committed reached the feed (the production's and version's set-up events too).
    expect(m("greenlight_change_stream_lag_seconds_count")).toBeGreaterThan(
      start("greenlight_change_stream_lag_seconds_count"),
    );
    expect(m('greenlight_change_stream_opens_total{resumed="false"}')).toBe(1);
    expect(m("greenlight_change_feed_open")).toBe(1);
    expect(m("greenlight_realtime_channels")).toBe(1);
    expect(
      m('greenlight_store_command_duration_seconds_count{command="insert",outcome="ok"}'),
    ).toBeGreaterThan(0);
    expect(
      m('greenlight_store_command_duration_seconds_count{command="commitTransaction",outcome="ok"}'),
    ).toBeGreaterThan(0);

    await c.close();
    clients.pop();
    let after = await scrape();
    while (after("greenlight_subscriptions") !== 0) after = await scrape();
  }, 60_000);

  it("/readyz answers 503 while the change feed is closed, and 200 once it is open again", async () => {
    const hub = currentHub();
    if (!hub) throw new Error("no hub");
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({
      ready: true,
      database: "reachable",
      changeFeed: "open",
    });
    await hub.feed.stop();
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ready: false, database: "reachable", changeFeed: "closed" });
    hub.start();
    // The stream opens asynchronously: poll the probe as a load balancer would (no sleeps).
    let up = await fetch(`${t.url}/readyz`);
    while (up.status !== 200) up = await fetch(`${t.url}/readyz`);
    expect(((await up.json()) as { changeFeed: string }).changeFeed).toBe("open");
    expect((await scrape())('greenlight_change_stream_opens_total{resumed="true"}')).toBe(1);
  }, 30_000);
});
