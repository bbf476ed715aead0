import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { connectAs, nextsOf, type RawClient, waitForSubscribers } from "../test/ws-test-client.js";
import { percentile, retainedHeapMb } from "../test/attack.js";
import { addNoteCopies } from "../test/bulk-notes.js";
import { buildNote, buildProduction, buildVersion, type BuiltProduction } from "../test/domain-factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { operationCost } from "./limits.js";

// Finding 3 of issue 13: a selection refused over HTTP (cost 120,801) was accepted over WebSocket;
// one VIEWER socket with 20 of them delayed another subscriber from ~15 ms to over 120 s per event.
let t: TestServer;
let p: BuiltProduction;
let versionId: string;

/** Each event re-reads the version's notes: ~4,000 per event, within one connection's 5,000. */
const HEAVY = `subscription($v: ID!) { versionEvents(versionId: $v) { cursor note { version {
  notes(first: 150) { edges { node { body author { name } replies { body author { name } } } } } } } } }`;
/** The same, each of those notes' version's notes again: over the 25,000 HTTP refuses. */
const OVER = `subscription($v: ID!) { versionEvents(versionId: $v) { cursor note { version {
  notes(first: 200) { edges { node { body author { name } version { notes(first: 200) { edges { node { id body } } } } } } } } } } }`;
const LIGHT = `subscription($v: ID!) { versionEvents(versionId: $v) { cursor type note { id body } } }`;

beforeAll(async () => {
  t = await startTestServer();
  p = await buildProduction(t, { members: { VIEWER: 1, EDITOR: 1 } });
  versionId = (await buildVersion(t, p, AssetKind.CUT)).versionId;
  await addNoteCopies(t, p.showrunner, versionId, 150, "x".repeat(500));
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const errorOf = (c: RawClient, id: string) =>
  c.waitFor((m) => m.id === id && (m.type === "error" || m.type === "complete"));
const costOf = (doc: string) => operationCost(t.app.schema, parse(doc), { v: versionId }, undefined);

describe("subscription cost", () => {
  it("applies HTTP's cost rule at subscribe time", async () => {
    expect(costOf(OVER)).toBeGreaterThan(25_000);
    const c = await connectAs(t.wsUrl, p.as("VIEWER").token);
    c.subscribe("over", OVER, { v: versionId });
    const m = await errorOf(c, "over");
    expect(m.type).toBe("error");
    expect(m.payload).toMatchObject([
      {
        message: expect.stringMatching(/^Query cost \d+ exceeds the limit of 25000/),
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    await c.close();
  });

  it("holds a connection's and a user's subscriptions to a budget, given back when they end", async () => {
    const cost = costOf(HEAVY);
    expect(cost).toBeGreaterThan(2_500); // two exceed a connection's 5,000; three a user's 10,000
    expect(cost).toBeLessThanOrEqual(5_000);
    const viewer = p.as("VIEWER").token;
    const [a, b, c] = [
      await connectAs(t.wsUrl, viewer),
      await connectAs(t.wsUrl, viewer),
      await connectAs(t.wsUrl, viewer),
    ];
    a.subscribe("1", HEAVY, { v: versionId });
    await waitForSubscribers(p.id, 1);
    a.subscribe("2", HEAVY, { v: versionId });
    expect(JSON.stringify((await errorOf(a, "2")).payload)).toContain(
      "a connection's subscriptions may cost 5000",
    );
    b.subscribe("3", HEAVY, { v: versionId });
    await waitForSubscribers(p.id, 2);
    c.subscribe("4", HEAVY, { v: versionId });
    expect(JSON.stringify((await errorOf(c, "4")).payload)).toContain("your subscriptions may cost 10000");
    a.send({ id: "1", type: "complete" });
    c.subscribe("5", HEAVY, { v: versionId });
    await waitForSubscribers(p.id, 2); // 3 and 5
    await b.close(); // closing gives its share back too
    a.subscribe("6", HEAVY, { v: versionId });
    await waitForSubscribers(p.id, 2);
    expect(a.messages.some((m) => m.id === "6" && m.type === "error")).toBe(false);
    await Promise.all([a.close(), c.close()]);
  });

  it("keeps another subscriber's events fast while a viewer holds heavy subscriptions", async () => {
    const viewer = p.as("VIEWER").token;
    const attackers = await Promise.all(Array.from({ length: 4 }, () => connectAs(t.wsUrl, viewer)));
    // Twenty over the cost rule (refused), then heavy ones until the user's budget is full (two).
    for (const s of attackers) for (let j = 0; j < 5; j++) s.subscribe(`over${j}`, OVER, { v: versionId });
    await Promise.all(attackers.map((s) => s.waitForCount((m) => m.type === "error", 5)));
    for (const [i, s] of attackers.entries()) {
      s.subscribe("heavy", HEAVY, { v: versionId });
      if (i < 2) await waitForSubscribers(p.id, i + 1);
      else
        expect(JSON.stringify((await errorOf(s, "heavy")).payload)).toContain("your subscriptions may cost");
    }
    const other = await connectAs(t.wsUrl, p.as("EDITOR").token);
    other.subscribe("live", LIGHT, { v: versionId });
    await waitForSubscribers(p.id, 3);
    const before = retainedHeapMb();
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await buildNote(t, p.showrunner, versionId, { time: { startFrame: 1_000 + i } }, `live ${i}`);
      await other.waitForCount(nextsOf("live"), i + 1, 30_000);
      latencies.push(performance.now() - started);
    }
    latencies.sort((x, y) => x - y);
    const kept = retainedHeapMb() - before;
    console.log(
      `subscription flood: other subscriber's note-to-event p50 ${percentile(latencies, 50).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms; heap kept +${kept.toFixed(1)} MB`,
    );
    expect(percentile(latencies, 100)).toBeLessThan(1_500);
    expect(kept).toBeLessThan(30);
    await Promise.all([...attackers, other].map((s) => s.close()));
  }, 90_000);
});
