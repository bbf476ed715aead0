/**
 * A load process: holds up to a few thousand WebSocket clients (graphql-transport-ws, or bare for
 * the anchor) and records, per event marker, when each socket received it. Talks to the
 * orchestrator over IPC only; does no measurement of its own beyond timestamps.
 */
import WebSocket from "ws";
import { wallNow } from "../lib/clock.js";
import type { FromLoader, ToLoader } from "./protocol.js";

const MARK = Buffer.from("bench#");
/** Handshakes in flight at once; more only queues work in the server's accept path. */
const CONCURRENCY = Number(process.env.BENCH_CONNECT_CONCURRENCY ?? 64);

const sockets: WebSocket[] = [];
/** Sockets that received each marker (probes and measured events alike). */
const counts = new Map<number, number>();
let recording = false;
let arrivals = new Map<number, number[]>();
let frameBytes = 0;
const other: Record<string, number> = {};

const send = (m: FromLoader) => process.send?.(m);

function markerOf(buf: Buffer): number | null {
  const at = buf.indexOf(MARK);
  if (at < 0) return null;
  let k = 0;
  for (let i = at + MARK.length; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c === 59) return k; // ';'
    k = k * 10 + (c - 48);
  }
  return null;
}

function onData(data: Buffer): void {
  const t = wallNow();
  const k = markerOf(data);
  if (k === null) {
    const type = /"type":"(\w+)"/.exec(data.subarray(0, 80).toString())?.[1] ?? "unknown";
    other[type] = (other[type] ?? 0) + 1;
    return;
  }
  counts.set(k, (counts.get(k) ?? 0) + 1);
  if (!recording) return;
  frameBytes = data.length;
  const list = arrivals.get(k);
  if (list) list.push(t);
  else arrivals.set(k, [t]);
}

function open(m: Extract<ToLoader, { t: "connect" }>, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws =
      m.mode === "graphql"
        ? new WebSocket(m.url, "graphql-transport-ws", { perMessageDeflate: false })
        : new WebSocket(m.url, { perMessageDeflate: false });
    let settled = false;
    const done = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else {
        sockets.push(ws);
        resolve();
      }
    };
    ws.on("error", (e) => done(e));
    ws.on("close", (code) => {
      if (!settled) done(new Error(`closed ${code}`));
      else other[`close ${code}`] = (other[`close ${code}`] ?? 0) + 1;
    });
    ws.on("open", () => {
      if (m.mode === "bare") return done();
      const token = m.tokens[index % m.tokens.length];
      ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    });
    ws.on("message", (data: Buffer) => {
      if (settled) return onData(data);
      const text = data.toString();
      if (text.includes('"connection_ack"')) {
        ws.send(
          JSON.stringify({ id: "1", type: "subscribe", payload: { query: m.query, variables: m.variables } }),
        );
        done();
      } else done(new Error(`unexpected before ack: ${text.slice(0, 120)}`));
    });
  });
}

async function connect(m: Extract<ToLoader, { t: "connect" }>): Promise<void> {
  let failed = 0;
  const errors: string[] = [];
  let next = sockets.length;
  const worker = async () => {
    while (next < m.target) {
      const index = next++;
      try {
        await open(m, index);
      } catch (e) {
        failed++;
        if (errors.length < 5) errors.push(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  send({ t: "connected", total: sockets.length, failed, errors });
}

process.on("message", (m: ToLoader) => {
  switch (m.t) {
    case "connect":
      void connect(m);
      break;
    case "shrink": {
      while (sockets.length > m.target) sockets.pop()?.terminate();
      send({ t: "shrunk", total: sockets.length });
      break;
    }
    case "count":
      send({ t: "count", k: m.k, sockets: counts.get(m.k) ?? 0 });
      break;
    case "record":
      if (m.on) {
        arrivals = new Map();
        recording = true;
        send({ t: "recording" });
      } else {
        recording = false;
        const byK = new Map<number, Float64Array>();
        for (const [k, list] of arrivals) byK.set(k, Float64Array.from(list));
        send({ t: "arrivals", byK, frameBytes, other: { ...other } });
      }
      break;
    case "clock":
      send({ t: "clock", now: wallNow() });
      break;
    case "exit":
      for (const ws of sockets) ws.terminate();
      process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
send({ t: "ready" });
