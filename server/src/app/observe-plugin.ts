import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../core/context.js";
import { reportOfContext } from "./request-report.js";

/**
 * Fills the request's report (access line, metrics) with what only Apollo knows: the operation's
 * name and type once resolved, and the error codes of the response as sent (after masking).
 */
export function observePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const report = reportOfContext(contextValue);
      if (!report) return {};
      return {
        async didResolveOperation(rc) {
          report.operationName = rc.operationName ?? null;
          report.operationType = rc.operation?.operation ?? null;
        },
        async willSendResponse(rc) {
          if (rc.operationName && !report.operationName) report.operationName = rc.operationName;
          const body = rc.response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          for (const e of errors ?? [])
            report.errorCodes.push(String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
        },
      };
    },
  };
}
