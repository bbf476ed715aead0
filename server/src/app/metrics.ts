import type { IncomingMessage, ServerResponse } from "node:http";
import mongoose from "mongoose";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SocketObserver } from "./ws-observe.js";
import { reportOf } from "./request-report.js";

/**
 * The process's Prometheus metrics (docs/operations.md says what each means). One registry per
 * process, created on first use; the default Node metrics (event loop lag, heap, GC, CPU) included.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "greenlight_" });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpDuration = new Histogram({
  name: "greenlight_http_request_duration_seconds",
  help: "HTTP requests by route and status, from arrival to the response's end.",
  labelNames: ["method", "route", "status"],
  buckets: SECONDS,
  registers: [registry],
});
const graphqlDuration = new Histogram({
  name: "greenlight_graphql_request_duration_seconds",
  help: "GraphQL over HTTP by operation name (anonymous when unnamed) and type.",
  labelNames: ["operation", "type"],
  buckets: SECONDS,
  registers: [registry],
});
const graphqlErrors = new Counter({
  name: "greenlight_graphql_errors_total",
  help: "GraphQL errors sent over HTTP, by extensions.code.",
  labelNames: ["code"],
  registers: [registry],
});
const wsOpen = new Gauge({
  name: "greenlight_ws_connections",
  help: "WebSocket connections open now.",
  registers: [registry],
});
const wsClosed = new Counter({
  name: "greenlight_ws_closes_total",
  help: "WebSocket connections closed, by close code.",
  labelNames: ["code"],
  registers: [registry],
});

/** Routes as labels: a fixed set, so a scan of random paths cannot grow the series. */
function routeOf(path: string): string {
  if (
    path === "/graphql" ||
    path === "/healthz" ||
    path === "/livez" ||
    path === "/readyz" ||
    path === "/metrics"
  )
    return path;
  return path.startsWith("/media/") ? "/media" : "client";
}

/** Observes one HTTP request when its response is done. */
export function observeHttp(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once("close", () => {
    const seconds = (performance.now() - started) / 1_000;
    const route = routeOf((req.url ?? "/").split("?")[0] ?? "/");
    httpDuration.observe({ method: req.method ?? "GET", route, status: String(res.statusCode) }, seconds);
    if (route !== "/graphql") return;
    const r = reportOf(req);
    if (r.operationType)
      graphqlDuration.observe({ operation: r.operationName ?? "anonymous", type: r.operationType }, seconds);
    for (const code of r.errorCodes) graphqlErrors.inc({ code });
  });
}

export const socketMetrics: SocketObserver = {
  opened: () => wsOpen.inc(),
  closed: (code) => {
    wsOpen.dec();
    wsClosed.inc({ code: String(code) });
  },
};

/** `/metrics` in the Prometheus text format. */
export async function sendMetrics(res: ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  res.end(body);
}

/**
 * Ready: the database answers a ping within a second and the change feed is open (without it,
 * subscribers here would get nothing live; they reconnect and resume on a ready process).
 */
export async function sendReadiness(res: ServerResponse, feedOpen: () => boolean): Promise<void> {
  let ok = false;
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState === 1 && db) {
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000).unref());
    ok = await Promise.race([
      db.command({ ping: 1 }).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  }
  const feed = feedOpen();
  const ready = ok && feed;
  res.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(
    JSON.stringify({
      ready,
      database: ok ? "reachable" : "unreachable",
      changeFeed: feed ? "open" : "closed",
    }),
  );
}
