import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config/config.js";
import { createFormatError } from "./format-error.js";
import type { Context } from "../core/context.js";
import { DocumentStore } from "./document-cache.js";
import { createHttpServer, GRAPHQL_PATH } from "./http.js";
import { requestLimitsPlugin, validationRules } from "./limits.js";
import { runtime } from "../core/runtime.js";
import { socketMetrics } from "./metrics.js";
import { webhookMetrics } from "./metrics-webhooks.js";
import { WebhookDispatcher } from "../webhooks/webhook.dispatcher.js";
import { observePlugin } from "./observe-plugin.js";
import { registerCarryMappers } from "./carry-mappers.js";
import { buildGreenlightSchema } from "./schema.js";
import { attachWebSocket, type WsAttachment } from "./ws.js";

export interface AppServer {
  httpServer: Server;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  /** Starts Apollo, attaches the WebSocket server if `app/ws.ts` exists, listens. Returns the URL. */
  start(port?: number, host?: string): Promise<string>;
  /** Stops accepting, closes sockets, drains in-flight requests. Does not close the database. */
  stop(): Promise<void>;
}

export interface CreateAppServerOptions {
  config: Config;
}

/** Needs `setRuntime(...)` first (main.ts and the test harness do it). */
export async function createAppServer({ config }: CreateAppServerOptions): Promise<AppServer> {
  const { logger } = runtime();
  registerCarryMappers();
  const schema = await buildGreenlightSchema();
  // Apollo needs the http server for its drain plugin, and the http server needs Apollo to route
  // to; the router gets Apollo through a getter, bound once Apollo exists.
  let apolloRef: ApolloServer<Context> | undefined;
  const getApollo = (): ApolloServer<Context> => {
    if (!apolloRef) throw new Error("Apollo is not created yet");
    return apolloRef;
  };
  const httpServer = createHttpServer(getApollo, config, logger);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true, // gated per request by requestLimitsPlugin (signed-in callers only)
    // A request carrying Authorization was preflighted by any browser (a non-simple header), so it
    // cannot be a cross-site forgery; GETs without it still need Apollo's preflight headers.
    csrfPrevention: {
      requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight", "authorization"],
    },
    hideSchemaDetailsFromClientErrors: !config.errorDetails,
    includeStacktraceInErrorResponses: config.errorDetails,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Bounded by what documents keep alive (text included), not by their AST's JSON alone.
    documentStore: new DocumentStore(config.limits.documentCacheBytes),
    validationRules: validationRules(config.limits),
    formatError: createFormatError({ logger, includeStack: config.errorDetails }),
    stopOnTerminationSignals: false, // main.ts owns signals, to close the database after draining
    logger: {
      debug: (m) => logger.debug(String(m)),
      info: (m) => logger.info(String(m)),
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLimitsPlugin(config.limits),
      observePlugin(),
      // Apollo's landing pages load a hosted UI from a CDN; browsers get the bundled GraphiQL instead
      // (http.ts redirects them to /graphiql), so the API serves nothing but the API.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  apolloRef = apollo;
  let ws: WsAttachment | null = null;
  // One per server: in tests two servers in one process are two processes, each with its lease owner.
  const webhooks = new WebhookDispatcher();

  return {
    httpServer,
    apollo,
    schema,
    async start(port = config.port, host = config.host) {
      await apollo.start();
      ws = attachWebSocket({
        httpServer,
        schema,
        path: GRAPHQL_PATH,
        config,
        logger,
        observer: socketMetrics,
        webhooks,
      });
      webhooks.start({
        config: config.webhooks,
        logger,
        observer: webhookMetrics,
        userAgent: `Greenlight-Webhooks/${config.version}`,
      });
      await new Promise<void>((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          resolve();
        });
      });
      const addr = httpServer.address() as AddressInfo;
      const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
      return `http://${shownHost}:${addr.port}`;
    },
    async stop() {
      // Stop accepting at once (Node also drops idle keep-alive sockets); in-flight requests go on.
      if (httpServer.listening) httpServer.close();
      if (ws) await ws.dispose();
      await webhooks.stop();
      // Apollo's drain plugin stops accepting and waits for in-flight requests.
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
