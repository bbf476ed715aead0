/**
 * The bench's naive baseline (#11): Greenlight's own schema and resolvers, served over WebSocket
 * the way graphql-ws's `useServer` serves any schema: every event is executed by graphql-js once
 * per subscriber, with fresh loaders and so the resolvers' store reads each time. `pnpm bench`
 * compares Greenlight's multiplexed delivery with it and with bare `ws` (bench/README.md).
 *
 * Built from the server's parts (`@greenlight/server/parts`): the same config, database, schema,
 * token check, subscription authorisation (NOT_FOUND for non-members) and event feed. It is a
 * measurement baseline, not a product server: subscriptions are authorised once, at subscribe;
 * `after` (replay) and presence are refused; there is no HTTP API (writes go to a real server).
 * Prints "ready at <url>" as the server does; SIGTERM/SIGINT stop it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  getOperationAST,
  parse,
  validate,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import * as parts from "@greenlight/server/parts";
import { EventFanout } from "./fanout.js";

/** Events a stalled client may have queued before it is closed as a slow consumer. */
const MAX_QUEUED = 1_000;

// A type alias (not an interface): graphql-ws wants a Record for its `extra`.
type Extra = { viewer?: parts.Viewer };

/** What onSubscribe hands to `subscribe`: whose subscription it is, and what it was allowed. */
interface Subscription {
  viewer: parts.Viewer;
  auth: parts.AuthorizedSubscription;
  close: (code: number, reason: string) => void;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

async function main(): Promise<void> {
  const config = parts.loadConfig();
  const { logger } = parts.setRuntime(config, config.mongodbUri ? "external" : "embedded");
  const db = await parts.connectDatabase(config, logger);
  const schema = await parts.buildGreenlightSchema();
  const formatError = parts.createFormatError({ logger, includeStack: config.errorDetails });
  const fanout = new EventFanout<parts.EventDoc>(MAX_QUEUED);
  const feed = new parts.EventFeed({
    db: parts.database,
    sources: [parts.eventsSource((e) => fanout.publish(e), logger)],
    onOpen: () => {},
    logger,
  });
  feed.start();

  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({
    server: http,
    path: "/graphql",
    maxPayload: config.realtime.maxPayloadBytes,
    perMessageDeflate: false,
  });
  const served = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: config.realtime.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const { viewer } = await parts.resolveViewer(String(ctx.connectionParams?.authorization ?? ""));
        if (!viewer) return false;
        ctx.extra.viewer = viewer;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const viewer = ctx.extra.viewer as parts.Viewer;
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : badInput(String(err))];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid;
        const op = getOperationAST(document, payload.operationName);
        if (op?.operation !== "subscription") return [badInput("Only subscriptions are served here.")];
        const auth = await parts.authorizeSubscription(
          schema,
          op,
          document,
          payload.variables,
          viewer.userId,
        );
        if (auth === null) return [badInput("Unknown subscription.")];
        if (Array.isArray(auth)) return auth as GraphQLError[];
        const a = auth as parts.AuthorizedSubscription;
        if (a.field === "presence" || a.afterSeq !== null)
          return [badInput("The baseline serves live productionEvents and versionEvents only.")];
        const socket = ctx.extra.socket;
        const sub: Subscription = { viewer, auth: a, close: (code, reason) => socket.close(code, reason) };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: sub,
        } satisfies ExecutionArgs;
      },
      // graphql-js's own subscribe would map each source event through `execute` (its
      // mapSourceToResponse); the source here is the fan-out, so it is done the same way by hand.
      subscribe: (args) => perSubscriber(fanout, args),
      onNext: (ctx, _id, _payload, _args, result) => {
        if (ctx.extra.socket.bufferedAmount > config.realtime.maxBufferedBytes)
          ctx.extra.socket.close(parts.Close.SlowConsumer, parts.CloseReason.SlowConsumer);
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
    },
    wss,
    config.realtime.keepAliveMs,
  );

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const { port } = http.address() as AddressInfo;
  logger.info(`Greenlight naive baseline ready at http://${config.host}:${port} (WebSocket at /graphql)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    fanout.endAll();
    for (const s of wss.clients) s.close(parts.Close.GoingAway, parts.CloseReason.GoingAway);
    await served.dispose();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await feed.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

/** One subscriber's results: each event of its production (or version) executed for it alone. */
function perSubscriber(
  fanout: EventFanout<parts.EventDoc>,
  args: ExecutionArgs,
): AsyncIterableIterator<ExecutionResult> {
  const sub = args.contextValue as Subscription;
  const queue = fanout.subscribe(sub.auth.productionId, sub.auth.versionId, () =>
    sub.close(parts.Close.SlowConsumer, parts.CloseReason.SlowConsumer),
  );
  const results: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const r = await queue.next();
      if (r.done) return { done: true, value: undefined };
      // A fresh context (and loaders) per event: nothing read for the previous event is served.
      const contextValue = parts.contextOf({ viewer: sub.viewer });
      return { done: false, value: await execute({ ...args, rootValue: r.value, contextValue }) };
    },
    return: async () => {
      queue.end();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

main().catch((err: unknown) => {
  process.stderr.write(
    `naive baseline failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
