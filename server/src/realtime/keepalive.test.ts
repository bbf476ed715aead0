import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { buildUser } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { connectAs } from "../test/ws-test-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { WS_KEEPALIVE_MS: "200" } });
});
afterAll(() => server?.close());

describe("keep-alive", () => {
  it("terminates a socket that stops answering pings and keeps one that answers", async () => {
    const user = await buildUser(server);
    const alive = await connectAs(server.wsUrl, user.token);
    // A half-open peer: the socket is open but nothing answers the server's pings.
    const dead = new WebSocket(server.wsUrl, "graphql-transport-ws", { autoPong: false });
    const deadClosed = new Promise<number>((r) => dead.on("close", (code) => r(code)));
    await new Promise((r) => dead.once("open", r));
    dead.send(
      JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${user.token}` } }),
    );
    let pings = 0;
    alive.socket.on("ping", () => pings++);
    expect(await deadClosed).toBe(1006); // terminated, no close frame
    expect(pings).toBeGreaterThanOrEqual(1);
    alive.send({ type: "ping" });
    await alive.waitFor((m) => m.type === "pong");
    expect(alive.socket.readyState).toBe(WebSocket.OPEN);
    await alive.close();
  });
});
