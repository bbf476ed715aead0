import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import type { Config } from "../config/config.js";
import type { Context } from "../core/context.js";
import { createContext } from "./context.js";
import { documentBytes } from "./document-cache.js";
import { clientIpOf, readBody, sendGraphQLError } from "./http-util.js";
import { type IdempotencyScope, idempotencyScopeOf, runInRequestScope } from "../core/request-scope.js";
import { requestIdOf } from "./access-log.js";
import { linkContext, reportOf } from "./request-report.js";
import { cookieAuthOf } from "./session-cookie-jar.js";
import { COOKIE_REFUSAL_MESSAGES } from "../auth/session-cookie.js";

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

/** Errors of a well-formed request that never ran: the document or its variables were refused. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/**
 * GraphQL over HTTP: a response sent as legacy `application/json` should be 200 even when the
 * document fails to parse or validate or its variables do not coerce (clients of that media type
 * read `errors`, not the status); `application/graphql-response+json` keeps the 4xx. Apollo sends
 * 400 for both, so the status is adjusted here. Transport refusals (BAD_REQUEST) stay 4xx.
 */
export function legacyStatus(
  status: number,
  contentType: string | undefined,
  codes: readonly string[],
): number {
  if (status !== 400 || !contentType?.startsWith("application/json") || codes.length === 0) return status;
  return codes.every((c) => REQUEST_ERROR_CODES.has(c)) ? 200 : status;
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}

/** The query text of a POST body or GET search, if it is a string (Apollo reports other shapes). */
function queryTextOf(body: unknown, url: URL): string | null {
  if (body && typeof body === "object" && "query" in body) {
    const q = (body as { query: unknown }).query;
    return typeof q === "string" ? q : null;
  }
  return body === undefined ? url.searchParams.get("query") : null;
}

/**
 * GraphQL over HTTP for `/graphql`: transport checks (size, media type, JSON) here, then Apollo's
 * `executeHTTPGraphQLRequest`, which handles GET-vs-mutation (405), Accept negotiation and CSRF.
 */
export function createGraphQLHandler(getApollo: () => ApolloServer<Context>, config: Config) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = requestIdOf(req); // set by the access log, and already on the response
    const report = reportOf(req);
    const method = (req.method ?? "GET").toUpperCase();
    let body: unknown;
    if (method === "POST") {
      const mediaType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!JSON_TYPES.includes(mediaType)) {
        req.resume();
        return sendGraphQLError(
          res,
          415,
          "POST /graphql needs `Content-Type: application/json`.",
          "BAD_REQUEST",
          {
            accept: "application/json",
          },
        );
      }
      const read = await readBody(req, config.limits.maxBodyBytes);
      if (read.kind === "aborted") return;
      if (read.kind === "tooLarge") {
        return sendGraphQLError(
          res,
          413,
          `Request body is larger than ${config.limits.maxBodyBytes} bytes.`,
          "BAD_REQUEST",
          { connection: "close" },
        );
      }
      try {
        body = JSON.parse(read.body.toString("utf8"));
      } catch (err) {
        const why = err instanceof Error ? err.message : "parse error";
        return sendGraphQLError(res, 400, `Request body is not valid JSON (${why}).`, "BAD_REQUEST");
      }
    } else {
      req.resume();
    }
    // Before Apollo parses it: a document's text stays alive as long as its parsed form does.
    const query = queryTextOf(body, url);
    if (query !== null && documentBytes(query) > config.limits.maxDocumentBytes) {
      return sendGraphQLError(
        res,
        413,
        `The GraphQL document is ${documentBytes(query)} bytes; the limit is ${config.limits.maxDocumentBytes}.`,
        "BAD_REQUEST",
      );
    }
    const key = req.headers["idempotency-key"];
    let idempotency: IdempotencyScope | undefined;
    if (typeof key === "string" && method === "POST") {
      idempotency = idempotencyScopeOf(key, body) ?? undefined;
      if (!idempotency)
        return sendGraphQLError(
          res,
          400,
          "Idempotency-Key must be 1-255 visible ASCII characters.",
          "BAD_USER_INPUT",
        );
    }
    const cookie = cookieAuthOf(req, config.trustProxy);
    if (cookie.refusal)
      return sendGraphQLError(res, 403, COOKIE_REFUSAL_MESSAGES[cookie.refusal], "FORBIDDEN");
    const { authorization, jar } = cookie;
    const result = await runInRequestScope(
      requestId,
      () =>
        getApollo().executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers: headerMapOf(req), search: url.search, body },
          context: async () => {
            const ctx = await createContext({
              authorization,
              requestId,
              clientIp: clientIpOf(req, config.trustProxy),
            });
            // Keys are per caller: two users' "retry-1" never meet.
            if (idempotency) idempotency.principal = ctx.viewer?.userId ?? null;
            report.userId = ctx.viewer?.userId ?? null;
            linkContext(ctx, report);
            // A session cookie that no longer works is dropped, so the browser stops sending it.
            if (jar && cookie.fromCookie && ctx.authProblem) jar.clear();
            return { ...ctx, sessionCookie: jar };
          },
        }),
      idempotency,
    );
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (jar?.header) res.appendHeader("set-cookie", jar.header);
    res.statusCode = legacyStatus(
      result.status ?? 200,
      result.headers.get("content-type"),
      report.errorCodes,
    );
    if (result.body.kind === "complete") {
      res.end(method === "HEAD" ? undefined : result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
