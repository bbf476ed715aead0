import type { WebSocket, WebSocketServer } from "ws";

/**
 * Keep-alive: ping every socket each interval; one that has not answered the previous ping is
 * dead (half-open TCP) and is terminated. Returns the stop function (0 ms: off).
 */
export function keepAlive(wss: WebSocketServer, intervalMs: number): () => void {
  const awaitingPong = new WeakSet<WebSocket>();
  function onPong(this: WebSocket) {
    awaitingPong.delete(this);
  }
  wss.on("connection", (socket: WebSocket) => socket.on("pong", onPong));
  if (intervalMs <= 0) return () => {};
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
