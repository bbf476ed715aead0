import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Logger } from "../core/logger.js";
import { currentRequestId, newRequestId } from "../core/request-scope.js";
import { ERROR_CODES, toAppError } from "../errors/app-errors.js";

/** Codes Apollo itself produces for bad requests; they say nothing about our internals. */
const APOLLO_CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);
const APP_CODES = new Set<string>(ERROR_CODES);

export interface FormatErrorOptions {
  logger: Logger;
  /** Keep stack traces (development only). */
  includeStack: boolean;
}

/**
 * Apollo `formatError`: AppErrors (and domain errors the table knows) pass with their code;
 * Apollo's request errors pass; everything else becomes INTERNAL_SERVER_ERROR with the request id,
 * and the original is logged with the same id.
 */
export function createFormatError({ logger, includeStack }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const app = toAppError(original);
    const strip = (f: GraphQLFormattedError): GraphQLFormattedError => {
      if (includeStack || !f.extensions?.stacktrace) return f;
      const { stacktrace: _dropped, ...extensions } = f.extensions;
      return { ...f, extensions };
    };
    if (app) {
      return strip({ ...formatted, message: app.message, extensions: { ...app.extensions } });
    }
    const code = formatted.extensions?.code;
    const isClientError = typeof code === "string" && (APOLLO_CLIENT_CODES.has(code) || APP_CODES.has(code));
    // A GraphQLError without originalError that Apollo raised itself (e.g. parse errors) is safe.
    if (isClientError && (original instanceof GraphQLError || !(original instanceof Error))) {
      return strip(formatted);
    }
    const requestId = currentRequestId() ?? newRequestId();
    logger.error("Unhandled error in GraphQL request", {
      requestId,
      path: formatted.path,
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
    });
    const masked: GraphQLFormattedError = {
      message: "Internal server error",
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: "INTERNAL_SERVER_ERROR",
        requestId,
        ...(includeStack && original instanceof Error ? { stacktrace: original.stack?.split("\n") } : {}),
      },
    };
    return masked;
  };
}
