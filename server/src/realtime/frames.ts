import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from "graphql";

/**
 * Pre-serialised graphql-ws `next` messages. A multiplexed event is executed and serialised once;
 * each subscriber only adds its envelope: `{"id":<id>,"type":"next","payload":` (built once per
 * subscription) + payload + `}`. No per-subscriber JSON.stringify on the hot path.
 */
const TAIL = 0x7d; // "}"

/**
 * Heads of short ids ("1", "2"...: what most clients number their subscriptions with) are shared by
 * every subscription using them, instead of one copy each. Bounded: ids are client-chosen.
 */
const HEADS = new Map<string, string>();
const SHARED_HEADS = 64;
const SHARED_ID_MAX = 4;

/**
 * The envelope's head, kept as a string. Not a Buffer: a small `Buffer.from` is a slice of an
 * 8 KB shared pool, and an idle subscription holding its slice for hours kept the whole pool
 * alive (measured: ~7 KB of external memory per idle subscribed connection).
 */
export function frameHead(id: string): string {
  const shared = HEADS.get(id);
  if (shared !== undefined) return shared;
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  if (id.length <= SHARED_ID_MAX && HEADS.size < SHARED_HEADS) HEADS.set(id, head);
  return head;
}

/** head + payload + "}" in one allocation (the head is short ASCII for real ids). */
export function buildFrame(head: string, payload: Buffer): Buffer {
  const headBytes = Buffer.byteLength(head);
  const frame = Buffer.allocUnsafe(headBytes + payload.length + 1);
  frame.write(head, 0);
  payload.copy(frame, headBytes);
  frame[frame.length - 1] = TAIL;
  return frame;
}

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The `next` payload, errors passed through the platform's formatError (masking internals). */
export function serializeResult(result: ExecutionResult, formatError: ErrorFormatter): Buffer {
  const errors = result.errors?.map((e: GraphQLError) => formatError(e.toJSON(), e));
  const body = errors ? { data: result.data ?? null, errors } : { data: result.data ?? null };
  return Buffer.from(JSON.stringify(body));
}
