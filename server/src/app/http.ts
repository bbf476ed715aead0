import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import mongoose from "mongoose";
import type { ApolloServer } from "@apollo/server";
import type { Config } from "../config/config.js";
import type { Context } from "../core/context.js";
import { createAccessLog, requestIdOf } from "./access-log.js";
import { observeHttp, sendMetrics, sendReadiness } from "./metrics.js";
import { createGraphQLHandler } from "./graphql-http.js";
import { sendGraphQLError, sendText } from "./http-util.js";
import type { Logger } from "../core/logger.js";
import { createMediaHandler } from "./media.js";
import { runtime } from "../core/runtime.js";
import { appCsp, BASE_HEADERS } from "./security-headers.js";
import { createStaticHandler } from "./static.js";
import { currentHub } from "../realtime/hub.js";

export const GRAPHQL_PATH = "/graphql";

/** GraphiQL, bundled with the client (features/explorer); no CDN, so it works offline. */
export const EXPLORER_PATH = "/graphiql";

/**
 * A person typing /graphql into a browser: a GET with no query that asks for HTML. Tools send a
 * query or ask for JSON, so they still reach the API (a GET without a query gets its 400).
 */
function isBrowserVisit(req: IncomingMessage, method: string, url: URL): boolean {
  const accept = req.headers.accept ?? "";
  return method === "GET" && !url.searchParams.has("query") && accept.includes("text/html");
}

/** A plain node:http server: /graphql, /healthz, /media/*, and the client (SPA) for the rest. */
export function createHttpServer(
  getApollo: () => ApolloServer<Context>,
  config: Config,
  logger: Logger,
): Server {
  const graphql = createGraphQLHandler(getApollo, config);
  const media = createMediaHandler(config.mediaDir);
  const client = createStaticHandler(config.clientDist, appCsp(config.mediaHosts));

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = (req.method ?? "GET").toUpperCase();
    if (url.pathname === GRAPHQL_PATH && isBrowserVisit(req, method, url)) {
      return sendText(res, 302, "The explorer is at /graphiql.", { location: EXPLORER_PATH });
    }
    if (url.pathname === GRAPHQL_PATH) return graphql(req, res, url);
    if (method !== "GET" && method !== "HEAD") {
      req.resume();
      return sendText(res, 405, "Method not allowed.", { allow: "GET, HEAD" });
    }
    if (url.pathname === "/healthz") {
      // readyState 1 = connected; a load balancer should stop routing here while the db is away.
      const ok = mongoose.connection.readyState === 1;
      const body = JSON.stringify({ ok, version: config.version, database: runtime().database });
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(body);
      return;
    }
    if (url.pathname === "/livez") return sendText(res, 200, "ok", { "cache-control": "no-store" });
    if (url.pathname === "/readyz") return sendReadiness(res, () => currentHub()?.feed.isOpen ?? false);
    if (url.pathname === "/metrics") return sendMetrics(res);
    if (url.pathname.startsWith("/media/")) return media(req, res, url);
    return client(req, res, url);
  };

  const accessLog = createAccessLog(logger);
  const server = createServer((req, res) => {
    accessLog(req, res); // sets x-request-id first, so every route's response carries it
    observeHttp(req, res);
    route(req, res).catch((err: unknown) => {
      logger.error("HTTP handler failed", {
        requestId: requestIdOf(req),
        path: req.url?.split("?")[0],
        error: err instanceof Error ? err.stack : String(err),
      });
      if (!res.headersSent) sendGraphQLError(res, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else res.destroy();
    });
  });
  // Node's default slow-client guards apply (headersTimeout 60s, requestTimeout 300s). With 20s/60s
  // realtime's slow-consumer test lost its socket (1006 instead of 1013), so they stay default.
  return server;
}
