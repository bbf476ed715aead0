import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltProduction, buildNote, buildProduction, buildVersion } from "../test/domain-factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { realtimeStats } from "./realtime-request.js";
import { connectAs, eventOf, nextsOf, type RawClient, waitForSubscribers } from "../test/ws-test-client.js";

let server: TestServer;
let prod: BuiltProduction;
let versionId: string;
let c: RawClient;

const EVENTS = `subscription($p: ID!, $after: String) { productionEvents(productionId: $p, after: $after) { cursor note { body } } }`;

beforeAll(async () => {
  server = await startTestServer({ env: { REALTIME_MODE: "naive" } });
  prod = await buildProduction(server, { members: { EDITOR: 1 } });
  versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
});
afterAll(async () => {
  await c?.close();
  await server?.close();
});

describe("REALTIME_MODE=naive (benchmark baseline)", () => {
  it("executes once per subscriber, with the same replay, order and resume", async () => {
    c = await connectAs(server.wsUrl, prod.as("EDITOR").token);
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "first");
    c.subscribe("all", EVENTS, { p: prod.id, after: null });
    // After a null cursor: live only. Resume from the start instead with the first event's cursor.
    c.subscribe(
      "r0",
      `subscription($p: ID!) { productionEvents(productionId: $p) { cursor note { body } } }`,
      { p: prod.id },
    );
    for (let i = 1; i <= 9; i++) c.subscribe(`n${i}`, EVENTS, { p: prod.id });
    await waitForSubscribers(prod.id, 11);
    const before = realtimeStats.resolverCalls;
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "second");
    await c.waitForCount((m) => m.type === "next" && JSON.stringify(m.payload).includes("second"), 11);
    expect(realtimeStats.resolverCalls - before).toBe(11);
    const cursor = eventOf(c.messages.find(nextsOf("r0")) as never).cursor;
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "third");
    c.subscribe("resume", EVENTS, { p: prod.id, after: cursor });
    const replayed = await c.waitForCount(nextsOf("resume"), 1);
    expect(eventOf(replayed[0] as never).note?.body).toBe("third");
  });
});
