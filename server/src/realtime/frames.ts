import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from "graphql";

/**
 * Pre-serialised graphql-ws `next` messages. A multiplexed event is executed and serialised once;
 * each subscriber only adds its envelope: `{"id":<id>,"type":"next","payload":` (built once per
 * subscription) + payload + `}`. No per-subscriber JSON.stringify on the hot path.
 */
const TAIL = Buffer.from("}");

export function frameHead(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

export function buildFrame(head: Buffer, payload: Buffer): Buffer {
  return Buffer.concat([head, payload, TAIL], head.length + payload.length + 1);
}

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The `next` payload, errors passed through the platform's formatError (masking internals). */
export function serializeResult(result: ExecutionResult, formatError: ErrorFormatter): Buffer {
  const errors = result.errors?.map((e: GraphQLError) => formatError(e.toJSON(), e));
  const body = errors ? { data: result.data ?? null, errors } : { data: result.data ?? null };
  return Buffer.from(JSON.stringify(body));
}
