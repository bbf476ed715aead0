import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltProduction, buildNote, buildProduction, buildVersion } from "../test/domain-factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { connectAs, nextsOf, openRaw, type RawClient } from "../test/ws-test-client.js";

let server: TestServer;
let prod: BuiltProduction;
let versionId: string;
const clients: RawClient[] = [];

const EVENTS = `subscription($p: ID!) { productionEvents(productionId: $p) { cursor type } }`;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      WS_CONNECTION_INIT_TIMEOUT_MS: "300",
      WS_MAX_PAYLOAD_BYTES: "4096",
      WS_MAX_CONNECTIONS_PER_USER: "3",
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: "2",
      WS_MAX_BUFFERED_BYTES: "65536",
      // A stalled reader also misses pings; keep the keep-alive out of the slow-consumer test.
      WS_KEEPALIVE_MS: "300000",
    },
  });
  prod = await buildProduction(server, { members: { EDITOR: 1, VIEWER: 1, WRITER: 1 } });
  versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

async function raw(): Promise<RawClient> {
  const c = await openRaw(server.wsUrl);
  clients.push(c);
  return c;
}
async function client(token: string): Promise<RawClient> {
  const c = await connectAs(server.wsUrl, token);
  clients.push(c);
  return c;
}

/** A bystander that must keep being served while offenders are closed. */
async function expectBystanderServed(bystander: RawClient, id: string) {
  const before = bystander.messages.filter(nextsOf(id)).length;
  await buildNote(server, prod.showrunner, versionId);
  await bystander.waitForCount(nextsOf(id), before + 1);
}

describe("protocol abuse", () => {
  let bystander: RawClient;
  beforeAll(async () => {
    bystander = await client(prod.as("EDITOR").token);
    bystander.subscribe("b", EVENTS, { p: prod.id });
    for (let i = 0; i < 10 && bystander.messages.filter(nextsOf("b")).length === 0; i++) {
      await buildNote(server, prod.showrunner, versionId);
      await bystander.waitFor(nextsOf("b"), 500).catch(() => {});
    }
  });

  it("closes 4408 without connection_init in time", async () => {
    const c = await raw();
    expect((await c.closed).code).toBe(4408);
    await expectBystanderServed(bystander, "b");
  });

  it("closes 4401 on subscribe before the ack", async () => {
    const c = await raw();
    c.subscribe("1", EVENTS, { p: prod.id });
    expect((await c.closed).code).toBe(4401);
  });

  it("closes 4409 on a duplicate subscription id", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.subscribe("dup", EVENTS, { p: prod.id });
    c.subscribe("dup", EVENTS, { p: prod.id });
    const closed = await c.closed;
    expect(closed).toEqual({ code: 4409, reason: "Subscriber for dup already exists" });
  });

  it("closes 4400 on invalid JSON", async () => {
    const c = await raw();
    c.send("{not json");
    expect((await c.closed).code).toBe(4400);
  });

  it("closes 4429 on a second connection_init", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.send({ type: "connection_init", payload: { authorization: `Bearer ${prod.as("VIEWER").token}` } });
    expect((await c.closed).code).toBe(4429);
  });

  it("closes 1009 on a frame over maxPayload", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.subscribe("big", `subscription { productionEvents(productionId: "${"a".repeat(5_000)}") { cursor } }`);
    expect((await c.closed).code).toBe(1009);
    await expectBystanderServed(bystander, "b");
  });

  it("closes 4429 past the per-user connection cap", async () => {
    const writer = prod.as("WRITER").token;
    const open = [await client(writer), await client(writer), await client(writer)];
    const fourth = await raw();
    fourth.send({ type: "connection_init", payload: { authorization: `Bearer ${writer}` } });
    expect((await fourth.closed).code).toBe(4429);
    await Promise.all(open.map((c) => c.close()));
    // Closing frees the slots.
    const again = await client(writer);
    expect(again.messages[0]?.type).toBe("connection_ack");
  });

  it("refuses subscriptions past the per-connection cap with an error, keeping the socket", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.subscribe("1", EVENTS, { p: prod.id });
    c.subscribe("2", EVENTS, { p: prod.id });
    c.subscribe("3", EVENTS, { p: prod.id });
    const err = await c.waitFor((m) => m.type === "error" && m.id === "3");
    expect((err.payload as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe(
      "BAD_USER_INPUT",
    );
    await buildNote(server, prod.showrunner, versionId);
    await c.waitFor(nextsOf("1"));
  });

  it("answers queries and mutations over WebSocket with an error (they belong on HTTP)", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.subscribe("q", "query { me { id } }");
    const err = await c.waitFor((m) => m.type === "error" && m.id === "q");
    expect((err.payload as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe(
      "BAD_USER_INPUT",
    );
    c.send({ type: "ping" });
    await c.waitFor((m) => m.type === "pong");
  });

  it("closes a client that stops reading with 1013 and keeps serving everyone else", async () => {
    const c = await client(prod.as("VIEWER").token);
    const fat = Array.from({ length: 25 }, (_, i) => `b${i}: note { body }`).join(" ");
    c.subscribe("fat", `subscription($p: ID!) { productionEvents(productionId: $p) { cursor ${fat} } }`, {
      p: prod.id,
    });
    c.subscribe("fat2", `subscription($p: ID!) { productionEvents(productionId: $p) { type ${fat} } }`, {
      p: prod.id,
    });
    await buildNote(server, prod.showrunner, versionId);
    await c.waitFor(nextsOf("fat"));
    (c.socket as unknown as { _socket: Socket })._socket.pause();
    const body = "x".repeat(10_000);
    let closedByServer = false;
    void c.closed.then(() => {
      closedByServer = true;
    });
    // ~500 KB per event for this client; the kernel buffers fill, then the send buffer passes
    // the cap. Every 30 events the client reads for as long as a bystander round trip takes, so a
    // close frame the server queued reaches it before ws's 30 s close timeout.
    const raw = (c.socket as unknown as { _socket: Socket })._socket;
    for (let i = 0; i < 300 && !closedByServer; i++) {
      await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, body);
      if (i % 30 === 29) {
        raw.resume();
        await expectBystanderServed(bystander, "b");
        raw.pause();
      }
    }
    (c.socket as unknown as { _socket: Socket })._socket.resume();
    expect((await c.closed).code).toBe(1013);
    await expectBystanderServed(bystander, "b");
  }, 60_000);
});
