import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { currentHub } from "../realtime/hub.js";
import { buildNote, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";
import { connectAs, nextsOf, type RawClient, waitForSubscribers } from "../test/ws-test-client.js";

/**
 * "One change stream per process": however many productions, versions, presence watchers and
 * credential changes, the process opens one stream and every subscriber is fed from it.
 */
const { mongo } = mongoose;
const watches = [
  vi.spyOn(mongo.MongoClient.prototype, "watch"),
  vi.spyOn(mongo.Db.prototype, "watch"),
  vi.spyOn(mongo.Collection.prototype, "watch"),
];
const watchCalls = () => watches.reduce((n, w) => n + w.mock.calls.length, 0);

let server: TestServer;
const clients: RawClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

const EVENTS = `subscription($p: ID!) { productionEvents(productionId: $p) { type note { id body } } }`;
const VERSION_EVENTS = `subscription($v: ID!) { versionEvents(versionId: $v) { type } }`;
const PRESENCE = `subscription($v: ID!) { presence(versionId: $v) { viewers { user { id } } } }`;

describe("the event feed", () => {
  it("is one change stream for the whole process, filtered and projected by the store", async () => {
    const getMores = new Set<string>();
    const aggregates: unknown[] = [];
    const client = mongoose.connection.getClient();
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === "getMore" && e.command.collection === "$cmd.aggregate")
        getMores.add(String(e.command.getMore));
      const pipeline = e.command.pipeline as Array<Record<string, unknown>> | undefined;
      if (e.commandName === "aggregate" && pipeline?.[0]?.$changeStream) aggregates.push(pipeline);
    };
    client.on("commandStarted", onCommand);
    try {
      const prods = await Promise.all([1, 2].map(() => buildProduction(server, { members: { EDITOR: 1 } })));
      for (const p of prods) {
        const { versionId } = await buildVersion(server, p, AssetKind.CUT);
        const c = await connectAs(server.wsUrl, p.as("EDITOR").token);
        clients.push(c);
        c.subscribe("e", EVENTS, { p: p.id });
        c.subscribe("v", VERSION_EVENTS, { v: versionId });
        c.subscribe("pr", PRESENCE, { v: versionId });
        await waitForSubscribers(p.id, 3);
        expectData(
          await gqlAs(server, p.showrunner, `mutation($v: ID!) { joinVersion(versionId: $v) }`, {
            v: versionId,
          }),
        );
        await buildNote(server, p.showrunner, versionId, { time: { startFrame: 1 } }, "one stream");
        await c.waitFor((m) => nextsOf("e")(m) && JSON.stringify(m.payload).includes("one stream"));
        await c.waitFor((m) => nextsOf("v")(m) && JSON.stringify(m.payload).includes("NOTE_ADDED"));
        await c.waitFor((m) => nextsOf("pr")(m) && JSON.stringify(m.payload).includes(p.showrunner.user.id));
      }
      // A sign-out travels the same stream (identity cache, live sockets).
      expectData(await gqlAs(server, prods[0]!.as("EDITOR"), "mutation { signOut }"));
    } finally {
      client.off("commandStarted", onCommand);
    }
    expect(watchCalls()).toBe(1);
    expect(currentHub()?.feed.opens).toBe(1);
    // No stream was opened during all that, and one cursor carried every change.
    expect(aggregates).toEqual([]);
    expect(getMores.size).toBe(1);
    const [pipeline] = (watches[1]?.mock.calls[0] ?? []) as unknown as [Array<Record<string, unknown>>];
    expect(pipeline.map((stage) => Object.keys(stage)[0])).toEqual(["$match", "$project"]);
  }, 60_000);
});
