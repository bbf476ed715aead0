import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "../core/logger.js";
import { newRequestId } from "../core/request-scope.js";
import { reportOf } from "./request-report.js";

/** A proxy's request id is kept so logs line up across hops; anything odd-looking is replaced. */
export function incomingRequestId(req: IncomingMessage): string | null {
  const id = req.headers["x-request-id"];
  return typeof id === "string" && /^[A-Za-z0-9._-]{8,128}$/.test(id) ? id : null;
}

export function requestIdOf(req: IncomingMessage): string {
  return String(req.id);
}

const pathOf = (req: IncomingMessage) => (req.url ?? "/").split("?")[0];

/**
 * One access line per request (pino-http), at info, when the response finishes or the client
 * goes away: request id, method, path (never the query string: GET /graphql carries variables),
 * status, duration, and for GraphQL the operation name, the user id and the error codes. Every
 * response gets `x-request-id`, whatever route answers it.
 */
export function createAccessLog(logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const log = pinoHttp({
    logger: logger.pino,
    genReqId(req, res) {
      const id = incomingRequestId(req) ?? newRequestId();
      res.setHeader("x-request-id", id);
      return id;
    },
    customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
    quietReqLogger: true, // the request id as a top-level `requestId`, not inside `req`
    serializers: {
      req: (req: { method?: string; url?: string; raw?: IncomingMessage }) => ({
        method: req.method,
        path: (req.url ?? "/").split("?")[0],
        remoteAddress: req.raw?.socket.remoteAddress,
        userAgent: req.raw?.headers["user-agent"],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode} (failed)`,
    customSuccessObject: (req, res, val: Record<string, unknown>) => ({
      ...val,
      status: res.statusCode,
      ...graphqlFields(req),
    }),
    customErrorObject: (req, res, _err, val: Record<string, unknown>) => ({
      ...val,
      status: res.statusCode,
      ...graphqlFields(req),
    }),
  });
  return (req, res) => log(req, res);
}

function graphqlFields(req: IncomingMessage): Record<string, unknown> {
  const r = reportOf(req);
  if (r.operationName === null && r.userId === null && r.operationType === null && r.errorCodes.length === 0)
    return {};
  return {
    operationName: r.operationName,
    operationType: r.operationType,
    userId: r.userId,
    ...(r.errorCodes.length > 0 ? { errorCodes: [...new Set(r.errorCodes)] } : {}),
  };
}
