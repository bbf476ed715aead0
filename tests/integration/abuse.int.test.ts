import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { addNote, listEvents, type Setup, setupProduction } from "./support/api.js";
import { type Cluster, startCluster } from "./support/processes.js";
import { ResumingSubscriber } from "./support/subscriber.js";

/** Offenders against a real server process: each is closed with its code, a bystander keeps being served. */
let cluster: Cluster;
let setup: Setup;
let wsUrl: string;
let bystander: ResumingSubscriber;
let notes = 0;

beforeAll(async () => {
  cluster = await startCluster(1, {
    WS_CONNECTION_INIT_TIMEOUT_MS: "500",
    WS_MAX_PAYLOAD_BYTES: "8192",
    WS_MAX_BUFFERED_BYTES: "262144",
    // No keep-alive: the slow consumer below stops reading, so it cannot answer pings either, and
    // on a loaded machine its stall outlasted two 12 s ping rounds: the keep-alive terminated it
    // (1006) before its send buffer passed the limit (1013). Keep-alive has its own tests.
    WS_KEEPALIVE_MS: "0",
  });
  wsUrl = cluster.wsUrls[0] as string;
  setup = await setupProduction(cluster.urls[0] as string);
  const start =
    (await listEvents(cluster.urls[0] as string, setup.showrunner.token, setup.productionId, null)).at(-1) ??
    null;
  bystander = new ResumingSubscriber([wsUrl], setup.members[0]?.token as string, setup.productionId, start);
  await bystander.start();
});
afterAll(async () => {
  bystander?.stop();
  await cluster?.stop();
});

async function bystanderStillServed(): Promise<void> {
  const body = `bystander-${++notes}`;
  await addNote(cluster.urls[0] as string, setup.showrunner.token, setup.versionId, body);
  await bystander.waitForNote(body);
}

function open(): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(wsUrl, "graphql-transport-ws");
  const closed = new Promise<number>((r) => ws.on("close", (code) => r(code)));
  ws.on("error", () => {});
  return new Promise((r) => ws.once("open", () => r({ ws, closed })));
}
const init = (ws: WebSocket, token = setup.showrunner.token) =>
  ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
const acked = (ws: WebSocket) =>
  new Promise<void>((r) => ws.on("message", (d) => String(d).includes("connection_ack") && r()));
const sub = (id: string) =>
  JSON.stringify({
    id,
    type: "subscribe",
    payload: {
      query: `subscription($p: ID!) { productionEvents(productionId: $p) { cursor note { body } } }`,
      variables: { p: setup.productionId },
    },
  });

describe("protocol abuse against a server process", () => {
  it("closes each offender with its code while the bystander is served", async () => {
    const noInit = await open();
    const early = await open();
    early.ws.send(sub("1"));
    const badJson = await open();
    badJson.ws.send("{nope");
    const oversize = await open();
    oversize.ws.send("x".repeat(9_000));
    const dup = await open();
    const dupAck = acked(dup.ws);
    init(dup.ws);
    await dupAck;
    dup.ws.send(sub("d"));
    dup.ws.send(sub("d"));
    const codes = await Promise.all([
      noInit.closed,
      early.closed,
      badJson.closed,
      oversize.closed,
      dup.closed,
    ]);
    expect(codes).toEqual([4408, 4401, 4400, 1009, 4409]);
    await bystanderStillServed();
  });

  it("closes a client that never reads with 1013; it resumes with its cursor and misses nothing", async () => {
    const start =
      (await listEvents(cluster.urls[0] as string, setup.showrunner.token, setup.productionId, null)).at(
        -1,
      ) ?? null;
    // ~200 KB per event for this client only.
    const fat = Array.from({ length: 20 }, (_, i) => `b${i}: note { body }`).join(" ");
    const slow = new ResumingSubscriber(
      [wsUrl],
      setup.members[1]?.token as string,
      setup.productionId,
      start,
      0,
      fat,
    );
    await slow.start();
    const raw = (slow as unknown as { socket: { _socket: Socket } }).socket._socket;
    raw.pause();
    const big = "y".repeat(9_900);
    for (let i = 0; i < 300 && !slow.closeCodes.includes(1013); i++) {
      await addNote(cluster.urls[0] as string, setup.showrunner.token, setup.versionId, `${big}-${i}`);
      if (i % 50 === 49) {
        raw.resume(); // let ws see the close frame if the server already sent it…
        await new Promise<void>((r) => setImmediate(r));
        raw.pause(); // …and keep stalling otherwise
      }
    }
    raw.resume();
    await bystanderStillServed();
    const expected = await listEvents(
      cluster.urls[0] as string,
      setup.showrunner.token,
      setup.productionId,
      start,
    );
    await slow.waitForCursor(expected.at(-1) as string);
    expect(slow.closeCodes).toContain(1013);
    expect(slow.cursors).toEqual(expected);
    slow.stop();
  }, 120_000);
});
