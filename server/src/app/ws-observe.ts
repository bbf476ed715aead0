import type { IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../core/logger.js";
import { newRequestId } from "../core/request-scope.js";
import { incomingRequestId } from "./access-log.js";

/** Hooks a socket's life reports to (metrics); all optional. */
export interface SocketObserver {
  opened?(): void;
  closed?(code: number, authenticated: boolean): void;
}

interface SocketInfo {
  requestId: string;
  openedAt: number;
  userId: string | null;
}

/**
 * The WebSocket side of the access log: a `ws connect` line when a socket opens (the 101 response
 * carries its `x-request-id`) and a `ws close` line with the close code, reason, duration and the
 * user it authenticated as. Nothing of `connection_init` (the token) is logged.
 */
export function observeSockets(wss: WebSocketServer, logger: Logger, observer: SocketObserver = {}) {
  const info = new WeakMap<WebSocket, SocketInfo>();
  const ids = new WeakMap<IncomingMessage, string>();
  const idOf = (req: IncomingMessage): string => {
    let id = ids.get(req);
    if (!id) {
      id = incomingRequestId(req) ?? newRequestId();
      ids.set(req, id);
    }
    return id;
  };
  wss.on("headers", (headers: string[], req: IncomingMessage) => headers.push(`x-request-id: ${idOf(req)}`));
  wss.on("connection", (socket: WebSocket, req: IncomingMessage) => {
    const entry: SocketInfo = { requestId: idOf(req), openedAt: performance.now(), userId: null };
    info.set(socket, entry);
    observer.opened?.();
    logger.info("ws connect", {
      requestId: entry.requestId,
      remoteAddress: req.socket.remoteAddress,
      userAgent: req.headers["user-agent"],
      protocol: socket.protocol,
    });
    socket.once("close", (code: number, reason: Buffer) => {
      observer.closed?.(code, entry.userId !== null);
      logger.info("ws close", {
        requestId: entry.requestId,
        userId: entry.userId,
        code,
        reason: reason.toString(),
        durationMs: Math.round(performance.now() - entry.openedAt),
      });
    });
  });
  return {
    /** The socket's connection_init was accepted for this user. */
    identified(socket: WebSocket, userId: string): void {
      const entry = info.get(socket);
      if (entry) entry.userId = userId;
    },
  };
}
