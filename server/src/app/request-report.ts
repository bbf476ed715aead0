import type { IncomingMessage } from "node:http";
import type { Context } from "../core/context.js";

/**
 * What a request learned about itself on the way (who, which operation, which error codes), for
 * its access line and metrics. Filled by the GraphQL handler and the observe plugin; read when
 * the response finishes.
 */
export interface RequestReport {
  operationName: string | null;
  /** query | mutation | subscription, once the document is parsed. */
  operationType: string | null;
  userId: string | null;
  errorCodes: string[];
}

const byRequest = new WeakMap<IncomingMessage, RequestReport>();
/**
 * On the context itself under a symbol, not in a WeakMap keyed by it: Apollo shallow-clones the
 * context per operation, and a clone copies enumerable symbol keys but is another object.
 */
const REPORT = Symbol("requestReport");
type Reported = Context & { [REPORT]?: RequestReport };

export function reportOf(req: IncomingMessage): RequestReport {
  let report = byRequest.get(req);
  if (!report) {
    report = { operationName: null, operationType: null, userId: null, errorCodes: [] };
    byRequest.set(req, report);
  }
  return report;
}

/** Links a GraphQL context to its request's report, so Apollo plugins can fill it. */
export function linkContext(context: Context, report: RequestReport): void {
  Object.defineProperty(context, REPORT, { value: report, enumerable: true });
}

export function reportOfContext(context: Context): RequestReport | undefined {
  return (context as Reported)[REPORT];
}
