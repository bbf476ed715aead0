import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WebSocket, WebSocketServer } from "ws";
import { FrameSink } from "../realtime/sinks.js";
import type { Viewer } from "../core/context.js";
import { createLogger } from "../core/logger.js";
import { type ProtocolHooks, retainedState, serveGraphqlWs } from "./ws-protocol.js";

const TOKEN = "Bearer secret-token-0123456789";
const QUERY = "subscription Feed($p: ID!) { productionEvents(productionId: $p) { cursor } }";
const viewer = { userId: "u1", name: "U", email: "u@example.test" } as Viewer;
const silent = createLogger("silent");

/** Enough of a `ws` WebSocket for the protocol: records what it sends and how it closes. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: Array<Record<string, unknown>> = [];
  closedWith: { code: number; reason: string } | null = null;
  constructor(readonly protocol = "graphql-transport-ws") {
    super();
  }
  send(data: string | Buffer): void {
    this.sent.push(JSON.parse(String(data)));
  }
  close(code: number, reason: string): void {
    if (this.readyState !== 1) return;
    this.closedWith = { code, reason };
    this.readyState = 3;
    queueMicrotask(() => this.emit("close", code, Buffer.from(reason)));
  }
  receive(message: unknown): void {
    this.emit("message", Buffer.from(typeof message === "string" ? message : JSON.stringify(message)));
  }
}

interface Conn {
  viewer: Viewer;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function setup(overrides: Partial<ProtocolHooks<Conn>> = {}) {
  const wss = new EventEmitter() as EventEmitter & { clients: Set<FakeSocket> };
  wss.clients = new Set();
  const sinks: FrameSink[] = [];
  const closed: Array<Conn | null> = [];
  const hooks: ProtocolHooks<Conn> = {
    connectionInitWaitTimeout: 1_000,
    isProd: true,
    logger: silent,
    onConnect: async (_socket, _request, params) => (params.authorization === TOKEN ? { viewer } : null),
    onSubscribe: async ({ conn, socket, id }) => {
      const sink = new FrameSink(id, socket, conn.viewer, 1 << 20);
      sinks.push(sink);
      return sink;
    },
    onClose: (_socket, conn) => closed.push(conn),
    ...overrides,
  };
  serveGraphqlWs(wss as unknown as WebSocketServer, hooks);
  const open = (protocol?: string) => {
    const socket = new FakeSocket(protocol);
    wss.clients.add(socket);
    wss.emit("connection", socket, { socket: { remoteAddress: "127.0.0.1" } } as IncomingMessage);
    return socket;
  };
  const connected = async () => {
    const socket = open();
    socket.receive({ type: "connection_init", payload: { authorization: TOKEN } });
    await tick();
    expect(socket.sent).toEqual([{ type: "connection_ack" }]);
    return socket;
  };
  const subscribe = (socket: FakeSocket, id: string) =>
    socket.receive({ id, type: "subscribe", payload: { query: QUERY, variables: { p: "x" } } });
  return { open, connected, subscribe, sinks, closed };
}

/** Every string reachable from `root` (objects, arrays, Maps), not entering `skip`. */
function stringsIn(root: unknown, skip: Set<unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    if (v === null || typeof v !== "object" || seen.has(v) || skip.has(v)) return;
    seen.add(v);
    if (v instanceof Map) for (const entry of v) walk(entry);
    for (const x of Object.values(v)) walk(x);
  };
  walk(root);
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("graphql-transport-ws server", () => {
  it("keeps neither the token nor the subscribe message for an idle subscribed socket", async () => {
    const { connected, subscribe, sinks } = setup();
    const socket = await connected();
    subscribe(socket, "1");
    await tick();
    expect(sinks).toHaveLength(1);
    const state = retainedState(socket as unknown as WebSocket);
    expect(state).toBeDefined();
    // The socket and the viewer are shared objects, not per-subscription copies of text.
    const strings = stringsIn(state, new Set([socket, viewer]));
    expect(strings.some((s) => s.includes("secret-token"))).toBe(false);
    expect(strings.some((s) => s.includes("productionEvents") || s.includes("subscribe"))).toBe(false);
    expect((state as { request: unknown }).request).toBeNull();
    expect((state as { initTimer: unknown }).initTimer).toBeNull();
  });

  it("sends complete when the channel ends a sink, error when it fails, nothing when the client completed", async () => {
    const { connected, subscribe, sinks } = setup();
    const socket = await connected();
    for (const id of ["a", "b", "c"]) subscribe(socket, id);
    await tick();
    const [a, b, c] = sinks as [FrameSink, FrameSink, FrameSink];
    a.end();
    b.fail(new GraphQLError("could not start"));
    socket.receive({ id: "c", type: "complete" });
    await tick();
    expect(c.ended).toBe(true);
    expect(socket.sent.slice(1)).toEqual([
      { id: "a", type: "complete" },
      { id: "b", type: "error", payload: [{ message: "could not start" }] },
    ]);
  });

  it("ends the subscriptions, then reports the connection, when the socket closes", async () => {
    const { connected, subscribe, sinks, closed } = setup();
    const socket = await connected();
    subscribe(socket, "1");
    await tick();
    socket.close(1000, "bye");
    await tick();
    expect(sinks[0]?.ended).toBe(true);
    expect(closed).toEqual([{ viewer }]);
  });

  it("answers errors from onSubscribe with an error message and keeps the socket", async () => {
    const { connected, subscribe } = setup({ onSubscribe: async () => [new GraphQLError("nope")] });
    const socket = await connected();
    subscribe(socket, "1");
    await tick();
    expect(socket.sent[1]).toEqual({ id: "1", type: "error", payload: [{ message: "nope" }] });
    socket.receive({ type: "ping", payload: { t: 1 } });
    expect(socket.sent[2]).toEqual({ type: "pong", payload: { t: 1 } });
    expect(socket.closedWith).toBeNull();
  });

  it("closes with graphql-ws's codes on protocol violations", async () => {
    const { open, connected, subscribe } = setup();
    const bad = open();
    bad.receive("{not json");
    expect(bad.closedWith).toEqual({ code: 4400, reason: "Invalid message received" });

    const early = open();
    subscribe(early, "1");
    await tick();
    expect(early.closedWith).toEqual({ code: 4401, reason: "Unauthorized" });

    const refused = open();
    refused.receive({ type: "connection_init", payload: { authorization: "Bearer wrong" } });
    await tick();
    expect(refused.closedWith).toEqual({ code: 4403, reason: "Forbidden" });

    const twice = await connected();
    twice.receive({ type: "connection_init", payload: { authorization: TOKEN } });
    await tick();
    expect(twice.closedWith).toEqual({ code: 4429, reason: "Too many initialisation requests" });

    const dup = await connected();
    subscribe(dup, "1");
    subscribe(dup, "1");
    await tick();
    expect(dup.closedWith).toEqual({ code: 4409, reason: "Subscriber for 1 already exists" });

    expect(open("other").closedWith).toEqual({ code: 4406, reason: "Subprotocol not acceptable" });
  });

  it("closes 4408 when connection_init does not come in time", async () => {
    vi.useFakeTimers();
    const { open } = setup();
    const socket = open();
    vi.advanceTimersByTime(1_001);
    expect(socket.closedWith).toEqual({ code: 4408, reason: "Connection initialisation timeout" });
  });
});
