import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * Apollo's `formatError` gets no context, yet masked errors must carry the request id that the
 * log line carries. HTTP and WebSocket handlers run each operation inside this scope.
 */
export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestId(): string {
  return randomUUID();
}

export function runInRequestScope<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
