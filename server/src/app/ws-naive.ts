import type { ExecutionResult } from "graphql";
import type { WebSocket } from "ws";
import type { Viewer } from "../core/context.js";
import { newRequestId } from "../core/request-scope.js";
import type { ErrorFormatter } from "../realtime/frames.js";
import type { RealtimeContext } from "../realtime/realtime-request.js";
import { closeSlowConsumer } from "../realtime/sinks.js";
import { createLoaders, type Loaders } from "./loaders.js";

/**
 * Naive mode (REALTIME_MODE=naive, the benchmark's baseline): graphql-js executes every event per
 * subscriber. Its per-subscription context (held for the subscription's lifetime) creates its
 * loaders on first use: the subscription resolver replaces them per event anyway.
 */
export function naiveContext(viewer: Viewer, clientIp: string | null): RealtimeContext {
  let loaders: Loaders | null = null;
  return Object.defineProperty(
    { requestId: newRequestId(), viewer, authProblem: null, clientIp },
    "loaders",
    {
      enumerable: true,
      get: () => {
        loaders ??= createLoaders();
        return loaders;
      },
      set: (next: Loaders) => {
        loaders = next;
      },
    },
  ) as RealtimeContext;
}

/** Naive mode's `next` frames: a slow consumer is closed; errors pass through formatError. */
export function naiveNext(maxBufferedBytes: number, formatError: ErrorFormatter) {
  return (socket: WebSocket, result: ExecutionResult): ExecutionResult => {
    if (socket.bufferedAmount > maxBufferedBytes) closeSlowConsumer(socket);
    if (!result.errors) return result;
    return {
      ...result,
      errors: result.errors.map((e) => formatError(e.toJSON(), e)),
    } as unknown as ExecutionResult;
  };
}
