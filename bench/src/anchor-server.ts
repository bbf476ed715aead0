/**
 * The physical anchor: a bare `ws` server that, on a trigger from the orchestrator, sends one
 * pre-built frame to every socket. No protocol, no execution, no serialization per socket: what
 * remains is the kernel and `ws` framing, the floor under any fan-out on this machine.
 */
import { WebSocketServer } from "ws";
import { wallNow } from "./lib/clock.js";

export type ToAnchor = { t: "frame"; bytes: number } | { t: "send"; k: number };
export type FromAnchor =
  | { t: "listening"; port: number }
  | { t: "framed" }
  | { t: "sent"; k: number; at: number; sockets: number };

const wss = new WebSocketServer({
  port: 0,
  host: "127.0.0.1",
  perMessageDeflate: false,
  clientTracking: true,
});
let bytes = 600;
const send = (m: FromAnchor) => process.send?.(m);

/** A graphql-ws `next` message of exactly `bytes` bytes carrying the marker of event k. */
function frame(k: number): Buffer {
  const head = `{"id":"1","type":"next","payload":{"data":{"productionEvents":{"body":"bench#${k};`;
  const tail = `"}}}}`;
  const pad = Math.max(0, bytes - head.length - tail.length);
  return Buffer.from(head + "x".repeat(pad) + tail);
}

process.on("message", (m: ToAnchor) => {
  if (m.t === "frame") {
    bytes = m.bytes;
    send({ t: "framed" });
  } else if (m.t === "send") {
    const at = wallNow();
    const data = frame(m.k);
    let sockets = 0;
    for (const ws of wss.clients) {
      ws.send(data);
      sockets++;
    }
    send({ t: "sent", k: m.k, at, sockets });
  }
});
process.on("disconnect", () => process.exit(0));
wss.on("listening", () => {
  const addr = wss.address();
  send({ t: "listening", port: typeof addr === "object" && addr ? addr.port : 0 });
});
