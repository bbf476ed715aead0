import WebSocket from "ws";

/** Test-only raw graphql-ws client: exact frames and close codes, waits on messages (no sleeps). */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

export interface RawClient {
  socket: WebSocket;
  messages: WsMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(msg: unknown): void;
  /** Resolves with the first message (from `from` on) matching; rejects if the socket closes first. */
  waitFor(pred: (m: WsMessage) => boolean, timeoutMs?: number): Promise<WsMessage>;
  /** Waits until `n` messages match, returns them in arrival order. */
  waitForCount(pred: (m: WsMessage) => boolean, n: number, timeoutMs?: number): Promise<WsMessage[]>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  close(): Promise<void>;
}

export function openRaw(url: string, protocol = "graphql-transport-ws"): Promise<RawClient> {
  const socket = new WebSocket(url, protocol);
  const messages: WsMessage[] = [];
  const waiters = new Set<() => void>();
  let closeInfo: { code: number; reason: string } | null = null;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", (code, reason) => {
      closeInfo = { code, reason: reason.toString() };
      resolve(closeInfo);
      for (const w of waiters) w();
    });
  });
  socket.on("message", (data) => {
    messages.push(JSON.parse(String(data)) as WsMessage);
    for (const w of waiters) w();
  });
  socket.on("error", () => {});
  const waitForCount = (pred: (m: WsMessage) => boolean, n: number, timeoutMs = 10_000) =>
    new Promise<WsMessage[]>((resolve, reject) => {
      const check = () => {
        const found = messages.filter(pred);
        if (found.length >= n) {
          done();
          resolve(found.slice(0, n));
        } else if (closeInfo) {
          done();
          reject(
            new Error(
              `socket closed (${closeInfo.code} ${closeInfo.reason}) with ${found.length}/${n} messages`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `timed out with ${messages.filter(pred).length}/${n} messages: ${JSON.stringify(messages.slice(-3))}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const client: RawClient = {
    socket,
    messages,
    closed,
    send: (msg) => socket.send(typeof msg === "string" ? msg : JSON.stringify(msg)),
    waitFor: async (pred, timeoutMs) => (await waitForCount(pred, 1, timeoutMs))[0] as WsMessage,
    waitForCount,
    subscribe: (id, query, variables) =>
      client.send({ id, type: "subscribe", payload: { query, variables } }),
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close(1000);
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(client));
    socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once("close", () => resolve(client));
  });
}

/** Opens, sends connection_init with the token and waits for the ack. */
export async function connectAs(url: string, token: string | null): Promise<RawClient> {
  const c = await openRaw(url);
  c.send({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} });
  await c.waitFor((m) => m.type === "connection_ack");
  return c;
}

export const nextsOf = (id: string) => (m: WsMessage) => m.type === "next" && m.id === id;

export function eventOf(m: WsMessage): {
  cursor: string;
  type: string;
  note?: { id: string; body?: string } | null;
} {
  const data = (m.payload as { data: Record<string, unknown> }).data;
  return (data.productionEvents ?? data.versionEvents) as { cursor: string; type: string };
}

/**
 * In-process tests: resolves once `n` subscribers of the production are attached (joined live),
 * checked after every I/O turn; rejects after `timeoutMs`.
 */
export async function waitForSubscribers(productionId: string, n: number, timeoutMs = 10_000): Promise<void> {
  const { currentHub } = await import("../realtime/hub.js");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hub = currentHub();
    const count = hub ? hub.subscriberCount(productionId) : 0;
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${count}/${n} subscribers attached`);
    await new Promise((r) => setImmediate(r));
  }
}
