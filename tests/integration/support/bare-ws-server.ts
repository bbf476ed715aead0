/**
 * The CPU baseline: a bare `ws` server that, on each "go" over stdin, sends one pre-built frame
 * (passed as argv[3]) to every connected client. Prints "bare ready <port>".
 */
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({
  port: Number(process.argv[2] ?? 0),
  host: "127.0.0.1",
  perMessageDeflate: false,
});
const frame = Buffer.from(process.argv[3] ?? "{}");
wss.on("listening", () => process.stdout.write(`bare ready ${(wss.address() as { port: number }).port}\n`));
process.stdin.on("data", (d) => {
  for (const line of String(d).split("\n")) {
    if (line.trim() !== "go") continue;
    for (const c of wss.clients) c.send(frame, { binary: false });
  }
});
