import type { IncomingMessage, Server } from "node:http";
import { sameOrigin, sessionCookieOf } from "../auth/session-cookie.js";
import type { Duplex } from "node:stream";
import type { GraphQLSchema } from "graphql";
import { handleProtocols } from "graphql-ws";
import { WebSocketServer } from "ws";
import { identityCache } from "../auth/identity-cache.js";
import { membershipCache } from "../productions/membership-cache.js";
import { versionCache } from "../versions/version-cache.js";
import type { Config } from "../config/config.js";
import type { Logger } from "../core/logger.js";
import { Close, CloseReason } from "../realtime/close-codes.js";
import { setHub } from "../realtime/hub.js";
import { createFormatError } from "./format-error.js";
import type { GRAPHQL_PATH } from "./http.js";
import { SubscriptionBudget } from "./ws-budget.js";
import { type Connection, Connections } from "./ws-connections.js";
import { DocumentCache } from "./ws-documents.js";
import { createRealtime } from "./ws-hub.js";
import { keepAlive } from "./ws-keepalive.js";
import { observeSockets, type SocketObserver } from "./ws-observe.js";
import { serveGraphqlWs } from "./ws-protocol.js";
import { subscriptionStarter } from "./ws-start.js";
import type { WebhookDispatcher } from "../webhooks/webhook.dispatcher.js";

/** What `attachWebSocket` receives to attach graphql-ws on the same server and path. */
export interface WsAttachOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  path: typeof GRAPHQL_PATH;
  config: Config;
  logger: Logger;
  /** Socket life for metrics (app/metrics.ts). */
  observer?: SocketObserver;
  /** The server's webhook dispatcher, woken by the same change stream. */
  webhooks?: WebhookDispatcher;
}

/** What `attachWebSocket` hands back: `dispose` closes sockets and waits for in-flight operations. */
export interface WsAttachment {
  dispose(): Promise<void>;
}

/**
 * GraphQL over WebSocket on the HTTP server's /graphql (graphql-transport-ws, ws-protocol.ts),
 * wired once: connections (ws-connections.ts), subscription starts (ws-start.ts), the realtime
 * engine and its ports (ws-hub.ts), keep-alive. See docs/realtime.md.
 */
export function attachWebSocket(options: WsAttachOptions): WsAttachment {
  const { httpServer, schema, path, config, logger, observer, webhooks } = options;
  const rc = config.realtime;
  const formatError = createFormatError({ logger, includeStack: config.errorDetails });
  const { hub, identities } = createRealtime(config, logger, webhooks);
  setHub(hub);
  hub.start();

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: rc.maxPayloadBytes,
    perMessageDeflate: false,
    handleProtocols,
  });
  const sockets = observeSockets(wss, logger, observer);
  const connections = new Connections(rc.maxConnectionsPerUser, identities, (s, u) =>
    sockets.identified(s, u),
  );
  let closing = false;
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== path) return; // someone else's
    if (closing) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    // Cross-site WebSocket hijacking: a page on another site opening our socket would carry the
    // session cookie (where SameSite does not apply); the handshake's Origin says who opened it.
    if (sessionCookieOf(req.headers) && !sameOrigin(req.headers, config.trustProxy)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  httpServer.on("upgrade", onUpgrade);

  const server = serveGraphqlWs<Connection>(wss, {
    connectionInitWaitTimeout: rc.connectionInitTimeoutMs,
    isProd: !config.errorDetails,
    logger,
    onConnect: (socket, request, params) => connections.connect(socket, request, params),
    onClose: (socket, conn) => connections.close(socket, conn),
    onSubscribe: subscriptionStarter({
      schema,
      config,
      logger,
      documents: new DocumentCache(schema, config.limits),
      budget: new SubscriptionBudget(rc.maxSubscriptionCostPerConnection, rc.maxSubscriptionCostPerUser),
      hub,
      formatError,
    }),
  });
  const stopKeepAlive = keepAlive(wss, rc.keepAliveMs);

  return {
    async dispose() {
      // Stop accepting, then close every socket with 1001 "going away" (not `complete`: clients
      // must resubscribe with their cursor elsewhere), wait for the close handshakes, and stop
      // the change stream.
      closing = true;
      stopKeepAlive();
      httpServer.off("upgrade", onUpgrade);
      const open = [...wss.clients];
      const closed = Promise.all(
        open.map((s) => new Promise<void>((resolve) => s.once("close", () => resolve()))),
      );
      for (const s of open) s.close(Close.GoingAway, CloseReason.GoingAway);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
      await Promise.race([closed, timeout]);
      for (const s of wss.clients) s.terminate();
      await Promise.resolve(server.dispose()).catch(() => {});
      await hub.stop();
      identities.dispose();
      identityCache.unfollow();
      membershipCache.unfollow();
      versionCache.unfollow();
      setHub(null);
    },
  };
}
