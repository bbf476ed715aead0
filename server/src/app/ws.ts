import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type ExecutionResult, execute, GraphQLError, type GraphQLSchema, subscribe } from "graphql";
import { handleProtocols } from "graphql-ws";
import mongoose from "mongoose";
import { type WebSocket, WebSocketServer } from "ws";
import type { Config } from "../config/config.js";
import type { Logger } from "../core/logger.js";
import { badInput } from "../errors/app-errors.js";
import { createFormatError } from "./format-error.js";
import { authorizeSubscription } from "./ws-authorize.js";
import { Close, CloseReason } from "../realtime/close-codes.js";
import { DocumentCache } from "./ws-documents.js";
import { realtimeDb } from "./realtime-db.js";
import { serializeResult } from "../realtime/frames.js";
import { RealtimeHub, setHub } from "../realtime/hub.js";
import { realtimeMetrics } from "./metrics-realtime.js";
import { groupKey } from "../realtime/group-key.js";
import { type IdentityEnd, IdentityWatch } from "../realtime/identity-watch.js";
import { primedLoaders } from "./primed-loaders.js";
import { loadPresence } from "../presence/presence.service.js";
import { toPresenceEntry } from "../presence/presence.feed.js";
import { realtimeEventLog, realtimeFeed } from "./realtime-feed.js";
import { type RealtimeContext, realtimeStats } from "../realtime/realtime-request.js";
import { closeSlowConsumer, FrameSink } from "../realtime/sinks.js";
import type { Context, Viewer } from "../core/context.js";
import { resolveViewer } from "./context.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { newRequestId } from "../core/request-scope.js";
import { SubscriptionBudget } from "./ws-budget.js";
import { checkSubscribe } from "./ws-subscribe.js";
import { serveGraphqlWs } from "./ws-protocol.js";
import { observeSockets, type SocketObserver } from "./ws-observe.js";
import type { GRAPHQL_PATH } from "./http.js";
import { identityCache, withIdentityCache } from "../auth/identity-cache.js";

/**
 * Per-connection state, kept by the socket's protocol state (ws-protocol.ts). Only the identity: an
 * idle connection must stay small (≤ 20 KB), so no DataLoaders are kept per connection or per
 * subscription, and nothing of the `connection_init` (the token) or of a `subscribe` message.
 */
interface Connection {
  viewer: Viewer;
  clientIp: string | null;
  userId: string;
}

/**
 * Naive mode's per-subscription context (graphql-js holds it for the subscription's lifetime), its
 * loaders created on first use: the resolver replaces them per event anyway.
 */
function operationContext(conn: Connection): RealtimeContext {
  let loaders: Loaders | null = null;
  return Object.defineProperty(
    { requestId: newRequestId(), viewer: conn.viewer, authProblem: null, clientIp: conn.clientIp },
    "loaders",
    {
      enumerable: true,
      get: () => {
        loaders ??= createLoaders();
        return loaders;
      },
      set: (next: Loaders) => {
        loaders = next;
      },
    },
  ) as RealtimeContext;
}

/** What `attachWebSocket` receives to attach graphql-ws on the same server and path. */
export interface WsAttachOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  path: typeof GRAPHQL_PATH;
  config: Config;
  logger: Logger;
  /** Socket life for metrics (app/metrics.ts). */
  observer?: SocketObserver;
}

/** What `attachWebSocket` hands back: `dispose` closes sockets and waits for in-flight operations. */
export interface WsAttachment {
  dispose(): Promise<void>;
}

/**
 * GraphQL over WebSocket on the HTTP server's /graphql (graphql-transport-ws, ws-protocol.ts),
 * wired once. Auth in connectionParams.authorization through the shared context factory;
 * subscriptions authorised in onSubscribe; events fanned out by the realtime hub, multiplexed
 * (default) or naive. See docs/realtime.md.
 */
export function attachWebSocket({
  httpServer,
  schema,
  path,
  config,
  logger,
  observer,
}: WsAttachOptions): WsAttachment {
  const rc = config.realtime;
  const formatError = createFormatError({ logger, includeStack: config.errorDetails });
  const documents = new DocumentCache(schema, config.limits);
  // 4403, as for a bad token at connect: graphql-ws clients (ours included) do not retry it with
  // the same credentials, so the app signs in again instead of looping.
  const identities = new IdentityWatch<WebSocket>((socket, why: IdentityEnd) =>
    socket.close(Close.Forbidden, CloseReason[why]),
  );
  const hub = new RealtimeHub({
    feed: realtimeFeed({
      db: () => mongoose.connection.db,
      logger,
      // The same sign-out/revocation feed also keeps the HTTP identity cache honest across processes.
      credentials: withIdentityCache(identities),
    }),
    log: realtimeEventLog,
    logger,
    loadPresence: (versionId) =>
      realtimeDb.run(async () => (await loadPresence(versionId)).map(toPresenceEntry)),
    presenceTtlMs: rc.presenceTtlSeconds * 1_000,
    executionTimeoutMs: rc.executionTimeoutMs,
    observer: realtimeMetrics,
  });
  const budget = new SubscriptionBudget(rc.maxSubscriptionCostPerConnection, rc.maxSubscriptionCostPerUser);
  setHub(hub);
  hub.start();

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: rc.maxPayloadBytes,
    perMessageDeflate: false,
    handleProtocols,
  });
  const sockets = observeSockets(wss, logger, observer);
  const connectionsByUser = new Map<string, number>();
  let closing = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== path) return; // someone else's
    if (closing) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  httpServer.on("upgrade", onUpgrade);

  const server = serveGraphqlWs<Connection>(wss, {
    connectionInitWaitTimeout: rc.connectionInitTimeoutMs,
    isProd: !config.errorDetails,
    logger,

    async onConnect(socket, request, params) {
      const raw = params.authorization ?? params.Authorization;
      const authorization = typeof raw === "string" ? raw : null;
      if (!authorization) return null;
      const { viewer } = await resolveViewer(authorization);
      if (!viewer) return null;
      const userId = viewer.userId;
      const count = connectionsByUser.get(userId) ?? 0;
      if (count >= rc.maxConnectionsPerUser) {
        socket.close(Close.TooManyConnections, CloseReason.TooManyConnections);
        return null;
      }
      // Closed while authenticating: onClose has already run without a conn to release.
      if (socket.readyState !== socket.OPEN) return null;
      connectionsByUser.set(userId, count + 1);
      identities.add(socket, viewer);
      sockets.identified(socket, userId);
      return { viewer, clientIp: request.socket.remoteAddress ?? null, userId };
    },

    onClose(socket, conn) {
      if (!conn) return;
      identities.remove(socket);
      const left = (connectionsByUser.get(conn.userId) ?? 1) - 1;
      if (left > 0) connectionsByUser.set(conn.userId, left);
      else connectionsByUser.delete(conn.userId);
    },

    async onSubscribe({ conn, socket, id, payload, active }) {
      if (active > rc.maxSubscriptionsPerConnection) {
        return [
          badInput(
            `Too many subscriptions on this connection (at most ${rc.maxSubscriptionsPerConnection}).`,
          ),
        ];
      }
      const checked = checkSubscribe(documents, schema, config.limits, payload);
      if (Array.isArray(checked)) return checked as GraphQLError[];
      const { documentId, document, viewerSensitive, operationName, op, variableValues, cost } =
        checked as Exclude<typeof checked, readonly GraphQLError[]>;
      // Multiplexed: reserved before authorising (no two starts can both take the last of it),
      // released when the sink ends, whichever way (complete, close, failure).
      const sink = rc.mode === "naive" ? null : new FrameSink(id, socket, conn.viewer, rc.maxBufferedBytes);
      if (sink) {
        const refused = budget.reserve(sink, cost);
        if (refused) return [badInput(refused)];
      }
      // Through realtimeDb: a reconnect storm of 1,000 clients queues instead of taking the pool.
      const auth = await realtimeDb
        .run(() => authorizeSubscription(schema, op, document, variableValues, conn.userId))
        .catch((err: unknown) => {
          sink?.end();
          throw err;
        });
      if (auth === null || Array.isArray(auth)) sink?.end();
      if (auth === null) return [badInput("Unknown subscription.")];
      if (Array.isArray(auth)) return auth as GraphQLError[];
      const a = auth as Exclude<typeof auth, readonly GraphQLError[] | null>;
      const kind = a.field === "presence" ? "presence" : "events";
      if (!sink) {
        const contextValue = operationContext(conn);
        contextValue.realtime = {
          ...a,
          kind,
          subscriptionId: id,
          socket,
          maxBufferedBytes: rc.maxBufferedBytes,
        };
        return subscribe({ schema, document, operationName, variableValues, contextValue });
      }
      // Multiplexed: nothing of this request outlives the start but the sink (and, for the first
      // subscriber of a group, the group's spec).
      hub
        .channel(a.productionId)
        .attachFrame(
          sink,
          {
            key: groupKey({
              documentId,
              operationName,
              op,
              variables: a.variables,
              role: a.role,
              userId: viewerSensitive ? conn.userId : null,
              field: a.field,
              productionId: a.productionId,
              versionId: a.versionId,
            }),
            kind,
            versionId: a.versionId,
            role: a.role,
            // One execution and one serialisation for the whole group.
            execute: (root, viewer, scope) =>
              realtimeDb.run(async () => {
                realtimeStats.executions++;
                scope.shared ??= primedLoaders(scope);
                const contextValue: Context = {
                  requestId: newRequestId(),
                  viewer,
                  loaders: scope.shared as Loaders,
                  authProblem: null,
                  clientIp: null,
                };
                const result = await execute({
                  schema,
                  document,
                  operationName,
                  variableValues,
                  rootValue: root,
                  contextValue,
                });
                return serializeResult(result, formatError);
              }),
          },
          a.afterSeq,
        )
        .catch((err: unknown) => {
          logger.error("realtime: subscription failed to start", { error: String(err) });
          // An `error` message (not `complete`): the client retries with its cursor.
          sink.fail(new GraphQLError("The subscription could not start; retry with your last cursor."));
        });
      return sink;
    },

    // Naive mode only (multiplexed frames never pass through here).
    onNext(socket, result: ExecutionResult) {
      if (socket.bufferedAmount > rc.maxBufferedBytes) closeSlowConsumer(socket);
      if (!result.errors) return result;
      return {
        ...result,
        errors: result.errors.map((e) => formatError(e.toJSON(), e)),
      } as unknown as ExecutionResult;
    },
  });

  // Keep-alive: ping every socket each interval; one that has not answered the previous ping is
  // dead (half-open TCP) and is terminated.
  const awaitingPong = new WeakSet<WebSocket>();
  function onPong(this: WebSocket) {
    awaitingPong.delete(this);
  }
  wss.on("connection", (socket: WebSocket) => socket.on("pong", onPong));
  const keepAlive =
    rc.keepAliveMs > 0
      ? setInterval(() => {
          for (const socket of wss.clients) {
            if (awaitingPong.has(socket)) {
              socket.terminate();
              continue;
            }
            awaitingPong.add(socket);
            socket.ping();
          }
        }, rc.keepAliveMs)
      : null;
  keepAlive?.unref();

  return {
    async dispose() {
      // Stop accepting, then close every socket with 1001 "going away" (not `complete`: clients
      // must resubscribe with their cursor elsewhere), wait for the close handshakes, and stop
      // the change stream.
      closing = true;
      if (keepAlive) clearInterval(keepAlive);
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
      setHub(null);
    },
  };
}
