import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildUser } from "../test/factories.js";
import { type BuiltProduction, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";
import { currentHub } from "../realtime/hub.js";
import { connectAs, nextsOf, type RawClient, type WsMessage } from "../test/ws-test-client.js";

let server: TestServer;
let prod: BuiltProduction;
let versionId: string;
const clients: RawClient[] = [];

const PRESENCE = `subscription($v: ID!) { presence(versionId: $v) { versionId viewers { user { id } role frame line playing } } }`;
const JOIN = `mutation($v: ID!) { joinVersion(versionId: $v) }`;
const MOVE = `mutation($v: ID!, $f: Int, $p: Boolean) { updatePresence(versionId: $v, frame: $f, playing: $p) }`;
const LEAVE = `mutation($v: ID!) { leaveVersion(versionId: $v) }`;

interface Viewer {
  user: { id: string };
  role: string;
  frame: number | null;
  playing: boolean;
}
const viewersOf = (m: WsMessage) =>
  (m.payload as { data: { presence: { viewers: Viewer[] } } }).data.presence.viewers;

beforeAll(async () => {
  server = await startTestServer({ env: { PRESENCE_TTL_SECONDS: "2" } });
  prod = await buildProduction(server, { members: { EDITOR: 1, DIRECTOR: 1 } });
  versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

/** Waits for the first presence message (from `from` on) whose viewers satisfy `pred`. */
async function waitViewers(
  c: RawClient,
  id: string,
  pred: (v: Viewer[]) => boolean,
  timeoutMs = 8_000,
): Promise<Viewer[]> {
  return viewersOf(await c.waitFor((m) => nextsOf(id)(m) && pred(viewersOf(m)), timeoutMs));
}

describe("presence", () => {
  it("hides presence from non-members", async () => {
    const outsider = await buildUser(server);
    expect(errorCode(await gqlAs(server, outsider, JOIN, { v: versionId }))).toBe("NOT_FOUND");
    const c = await connectAs(server.wsUrl, outsider.token);
    clients.push(c);
    c.subscribe("p", PRESENCE, { v: versionId });
    const err = await c.waitFor((m) => m.type === "error");
    expect((err.payload as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe("NOT_FOUND");
  });

  it("shows joins, playhead moves and leaves live, and the query agrees", async () => {
    const c = await connectAs(server.wsUrl, prod.as("DIRECTOR").token);
    clients.push(c);
    c.subscribe("p", PRESENCE, { v: versionId });
    expect(await waitViewers(c, "p", () => true)).toEqual([]);
    const editor = prod.as("EDITOR");
    expectData(await gqlAs(server, editor, JOIN, { v: versionId }));
    await waitViewers(
      c,
      "p",
      (v) => v.length === 1 && v[0]?.user.id === editor.user.id && v[0]?.role === "EDITOR",
    );
    expectData(await gqlAs(server, editor, MOVE, { v: versionId, f: 120, p: true }));
    await waitViewers(c, "p", (v) => v[0]?.frame === 120 && v[0]?.playing === true);
    const listed = expectData(
      await gqlAs<{ presence: Viewer[] }>(
        server,
        prod.showrunner,
        `query($v: ID!) { presence(versionId: $v) { user { id } frame playing } }`,
        {
          v: versionId,
        },
      ),
    ).presence;
    expect(listed).toEqual([{ user: { id: editor.user.id }, frame: 120, playing: true }]);
    expectData(await gqlAs(server, editor, LEAVE, { v: versionId }));
    await waitViewers(c, "p", (v) => v.length === 0);
  });

  it("lands the last of a burst of playhead updates (throttled to 10/s)", async () => {
    const c = await connectAs(server.wsUrl, prod.showrunner.token);
    clients.push(c);
    c.subscribe("burst", PRESENCE, { v: versionId });
    await waitViewers(c, "burst", () => true);
    const editor = prod.as("EDITOR");
    const before = c.messages.filter(nextsOf("burst")).length;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => gqlAs(server, editor, MOVE, { v: versionId, f: i })),
    );
    expectData(await gqlAs(server, editor, MOVE, { v: versionId, f: 999 }));
    await waitViewers(c, "burst", (v) => v[0]?.frame === 999);
    const elapsed = performance.now() - started;
    // 31 calls: at most one write per 100 ms reached the subscribers (plus the edges).
    const snapshots = c.messages.filter(nextsOf("burst")).length - before;
    expect(snapshots).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(snapshots).toBeLessThan(31);
  });

  it("expires a viewer without heartbeat after the TTL", async () => {
    const c = await connectAs(server.wsUrl, prod.showrunner.token);
    clients.push(c);
    c.subscribe("ttl", PRESENCE, { v: versionId });
    const director = prod.as("DIRECTOR");
    expectData(await gqlAs(server, director, JOIN, { v: versionId }));
    await waitViewers(c, "ttl", (v) => v.some((x) => x.user.id === director.user.id));
    await waitViewers(c, "ttl", (v) => !v.some((x) => x.user.id === director.user.id), 6_000);
  });

  it("stops tracking a version when its last local subscriber leaves", async () => {
    const own = await buildProduction(server, { members: { EDITOR: 1 } });
    const v = (await buildVersion(server, own, AssetKind.CUT)).versionId;
    const hub = currentHub();
    if (!hub) throw new Error("no hub");
    const [a, b] = [
      await connectAs(server.wsUrl, own.showrunner.token),
      await connectAs(server.wsUrl, own.as("EDITOR").token),
    ];
    clients.push(a, b);
    a.subscribe("pa", PRESENCE, { v });
    b.subscribe("pb", PRESENCE, { v });
    await Promise.all([a.waitFor(nextsOf("pa")), b.waitFor(nextsOf("pb"))]);
    await until(() => hub.subscriberCount(own.id) === 2);
    expect(hub.presence.isTracking(v)).toBe(true);

    a.send({ id: "pa", type: "complete" });
    await until(() => hub.subscriberCount(own.id) === 1);
    expect(hub.presence.isTracking(v)).toBe(true); // b still watches

    await b.close();
    await until(() => hub.subscriberCount(own.id) === 0);
    expect(hub.presence.isTracking(v)).toBe(false);
  });
});

/** Resolves once `pred` holds, checked after every I/O turn (the server runs in this process). */
async function until(pred: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setImmediate(r));
  }
}
