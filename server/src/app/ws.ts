import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  getOperationAST,
  subscribe,
} from "graphql";
import type { Extra } from "graphql-ws/use/ws";
import { useServer } from "graphql-ws/use/ws";
import type { Context as WsContext } from "graphql-ws";
import mongoose from "mongoose";
import { type WebSocket, WebSocketServer } from "ws";
import { badInput } from "../errors/app-errors.js";
import { createFormatError } from "../errors/format-error.js";
import { authorizeSubscription } from "../realtime/authorize.js";
import { Close, CloseReason } from "../realtime/close-codes.js";
import { DocumentCache } from "../realtime/documents.js";
import { mongoEventLog } from "../realtime/event-log.js";
import { inRealtimeScope } from "../realtime/db-scope.js";
import { serializeResult } from "../realtime/frames.js";
import { RealtimeHub, setHub } from "../realtime/hub.js";
import { groupKey } from "../realtime/group-key.js";
import { type IdentityEnd, IdentityWatch } from "../realtime/identity-watch.js";
import { primedLoaders } from "../realtime/primed-loaders.js";
import { loadPresence } from "../realtime/presence.service.js";
import { type RealtimeContext, type RealtimeRequest, realtimeStats } from "../realtime/realtime-request.js";
import { closeSlowConsumer, FrameSink } from "../realtime/sinks.js";
import { type Context, createContext, type Viewer } from "./context.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { newRequestId } from "./request-scope.js";
import type { WsAttachment, WsAttachOptions } from "./server.js";
import { identityCache, withIdentityCache } from "../auth/identity-cache.js";

/**
 * Per-connection state, on graphql-ws's `extra`. Only the identity: an idle connection must stay
 * small (≤ 20 KB), so no DataLoaders are kept per connection or per subscription.
 */
interface Connection {
  viewer: Viewer;
  clientIp: string | null;
  userId: string;
}

/**
 * A context whose loaders are created on first use. Subscriptions keep their context for their
 * lifetime (graphql-ws holds the exec args) but never read its loaders: groups execute with fresh
 * ones and naive mode replaces them per event.
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
type ConnExtra = Extra & { conn?: Connection };

/**
 * GraphQL over WebSocket on the HTTP server's /graphql (graphql-ws protocol), wired once. Auth in
 * connectionParams.authorization through the shared context factory; subscriptions authorised in
 * onSubscribe; events fanned out by the realtime hub, multiplexed (default) or naive.
 * See docs/realtime.md.
 */
export function attachWebSocket({ httpServer, schema, path, config, logger }: WsAttachOptions): WsAttachment {
  const rc = config.realtime;
  const formatError = createFormatError({ logger, includeStack: config.isDevelopment });
  const documents = new DocumentCache(schema, config.limits);
  // 4403, as for a bad token at connect: graphql-ws clients (ours included) do not retry it with
  // the same credentials, so the app signs in again instead of looping.
  const identities = new IdentityWatch<WebSocket>((socket, why: IdentityEnd) =>
    socket.close(Close.Forbidden, CloseReason[why]),
  );
  const hub = new RealtimeHub({
    // The same sign-out/revocation feed also keeps the HTTP identity cache honest across processes.
    credentials: withIdentityCache(identities),
    log: mongoEventLog,
    logger,
    db: () => mongoose.connection.db,
    loadPresence: (versionId) => inRealtimeScope(() => loadPresence(versionId)),
    presenceTtlMs: rc.presenceTtlSeconds * 1_000,
  });
  setHub(hub);
  hub.start();

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: rc.maxPayloadBytes,
    perMessageDeflate: false,
  });
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

  const server = useServer<Record<string, unknown> | undefined, { conn?: Connection }>(
    {
      schema,
      connectionInitWaitTimeout: rc.connectionInitTimeoutMs,

      async onConnect(ctx) {
        const params = ctx.connectionParams ?? {};
        const raw = params.authorization ?? params.Authorization;
        const authorization = typeof raw === "string" ? raw : null;
        if (!authorization) return false;
        const extra = ctx.extra as ConnExtra;
        const context = await createContext({
          authorization,
          clientIp: extra.request.socket.remoteAddress ?? null,
        });
        if (!context.viewer) return false;
        const userId = context.viewer.userId;
        const count = connectionsByUser.get(userId) ?? 0;
        if (count >= rc.maxConnectionsPerUser) {
          extra.socket.close(Close.TooManyConnections, CloseReason.TooManyConnections);
          return false;
        }
        // Closed while authenticating: onClose has already run without a conn to release.
        if (extra.socket.readyState !== extra.socket.OPEN) return false;
        connectionsByUser.set(userId, count + 1);
        extra.conn = { viewer: context.viewer, clientIp: context.clientIp, userId };
        identities.add(extra.socket, context.viewer);
        // The upgrade request (headers, parser state) is not needed after authentication; letting
        // it go saves a few KB per idle connection.
        (extra as { request: IncomingMessage | null }).request = null;
        return true;
      },

      onClose(ctx) {
        const extra = ctx.extra as ConnExtra;
        const conn = extra.conn;
        if (!conn) return;
        identities.remove(extra.socket);
        const left = (connectionsByUser.get(conn.userId) ?? 1) - 1;
        if (left > 0) connectionsByUser.set(conn.userId, left);
        else connectionsByUser.delete(conn.userId);
      },

      async onSubscribe(ctx, id, payload) {
        const extra = ctx.extra as ConnExtra;
        const conn = extra.conn;
        if (!conn) return [new GraphQLError("Not connected.")];
        // graphql-ws registered this id already, so the count includes it.
        if (Object.keys(ctx.subscriptions).length > rc.maxSubscriptionsPerConnection) {
          return [
            badInput(
              `Too many subscriptions on this connection (at most ${rc.maxSubscriptionsPerConnection}).`,
            ),
          ];
        }
        const prepared = documents.prepare(payload.query);
        if (Array.isArray(prepared)) return prepared as GraphQLError[];
        const { document, viewerSensitive } = prepared as Exclude<typeof prepared, readonly GraphQLError[]>;
        const operationName = payload.operationName ?? undefined;
        const op = getOperationAST(document, operationName);
        if (!op) return [new GraphQLError("Unable to identify operation.")];
        const contextValue = operationContext(conn);
        const base: ExecutionArgs = {
          schema,
          document,
          operationName,
          variableValues: payload.variables ?? {},
          contextValue,
        };
        // Queries and mutations belong on HTTP, where the platform's cost limits and introspection
        // rules apply (the client's link sends only subscriptions here).
        if (op.operation !== "subscription") {
          return [
            badInput(
              "Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql.",
            ),
          ];
        }
        // Through realtimeDb: a reconnect storm of 1,000 clients queues instead of taking the pool.
        const auth = await inRealtimeScope(() =>
          authorizeSubscription(schema, op, document, payload.variables, conn.userId),
        );
        if (auth === null) return [badInput("Unknown subscription.")];
        if (Array.isArray(auth)) return auth as GraphQLError[];
        const a = auth as Exclude<typeof auth, readonly GraphQLError[] | null>;
        const realtime: RealtimeRequest = {
          ...a,
          kind: a.field === "presence" ? "presence" : "events",
          subscriptionId: id,
          socket: extra.socket,
          maxBufferedBytes: rc.maxBufferedBytes,
        };
        contextValue.realtime = realtime;
        (contextValue as RealtimeContext & { groupKey?: string }).groupKey = groupKey({
          query: payload.query,
          operationName,
          op,
          variables: a.variables,
          role: a.role,
          userId: viewerSensitive ? conn.userId : null,
          field: a.field,
          productionId: a.productionId,
          versionId: a.versionId,
        });
        // graphql-ws keeps the parsed message for the subscription's lifetime; the text and the
        // variables are not needed past this point (the key and `base` hold what is).
        (payload as { query: string }).query = "";
        (payload as { variables?: unknown }).variables = undefined;
        return base;
      },

      subscribe(args: ExecutionArgs) {
        const ctx = args.contextValue as RealtimeContext & { groupKey?: string };
        const rt = ctx.realtime;
        if (!rt || !ctx.viewer || rc.mode === "naive") return subscribe(args);
        const sink = new FrameSink(rt.subscriptionId, rt.socket, ctx.viewer, rc.maxBufferedBytes);
        const { document, operationName, variableValues } = args;
        hub
          .channel(rt.productionId)
          .attachFrame(
            sink,
            {
              key: ctx.groupKey ?? `${rt.subscriptionId}`,
              kind: rt.kind,
              versionId: rt.versionId,
              role: rt.role,
              // One execution and one serialisation for the whole group.
              execute: (root, viewer, scope) =>
                inRealtimeScope(async () => {
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
            rt.afterSeq,
          )
          .catch((err: unknown) => {
            logger.error("realtime: subscription failed to start", { error: String(err) });
            // An `error` message (not `complete`): the client retries with its cursor.
            sink.fail(new GraphQLError("The subscription could not start; retry with your last cursor."));
          });
        // graphql-ws holds these args until the subscription ends, but a frame sink never yields
        // through them: let the per-subscription context (request, key, variables) go now.
        const held = args as { contextValue?: unknown; variableValues?: unknown };
        held.contextValue = undefined;
        held.variableValues = undefined;
        return sink;
      },

      // Naive mode only (multiplexed frames never pass through graphql-ws's emit).
      onNext(ctx, _id, _payload, _args, result: ExecutionResult) {
        const socket = (ctx.extra as ConnExtra).socket;
        if (socket.bufferedAmount > rc.maxBufferedBytes) closeSlowConsumer(socket);
        if (!result.errors) return undefined;
        return {
          ...result,
          errors: result.errors.map((e) => formatError(e.toJSON(), e)),
        } as unknown as ExecutionResult;
      },
    },
    wss,
    0, // keep-alive below: one timer per process, not one per socket
  );

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

export type { WsContext };
