import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";

/**
 * Apollo's `formatError` gets no context, yet masked errors must carry the request id that the
 * log line carries. HTTP and WebSocket handlers run each operation inside this scope. It also
 * carries a mutation's Idempotency-Key down to `runCommand`, which takes no context.
 */
export interface RequestScope {
  requestId: string;
  idempotency?: IdempotencyScope;
}

export interface IdempotencyScope {
  key: string;
  /** sha256 of the request, so a key reused for a different request is told apart. */
  fingerprint: string;
  /** Whose key it is: set once the token is verified; keys of anonymous callers are not kept. */
  principal: string | null;
  /** Commands run so far in this request, by name: aliased mutations get their own records. */
  readonly ordinals: Map<string, number>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestId(): string {
  return randomUUID();
}

export function runInRequestScope<T>(requestId: string, fn: () => T, idempotency?: IdempotencyScope): T {
  return storage.run(idempotency ? { requestId, idempotency } : { requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The caller's key for this request, if it sent one. */
export function currentIdempotency(): IdempotencyScope | undefined {
  return storage.getStore()?.idempotency;
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * A key (RFC draft "The Idempotency-Key HTTP Header Field": a client-chosen string, a UUID in
 * practice) plus the request it came with. Null when the key is not 1–255 visible ASCII characters.
 */
export function idempotencyScopeOf(key: string, request: unknown): IdempotencyScope | null {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return null;
  return { key, fingerprint: sha256(JSON.stringify(request) ?? ""), principal: null, ordinals: new Map() };
}
