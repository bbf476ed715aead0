import type { Context } from "../core/context.js";
import type { RoleName } from "./ports.js";
import type { FrameSocket } from "./sinks.js";

export type RealtimeField = "productionEvents" | "versionEvents" | "presence";

/** What onSubscribe established for one subscription (after authorising it). */
export interface RealtimeRequest {
  field: RealtimeField;
  kind: "events" | "presence";
  productionId: string;
  versionId: string | null;
  role: RoleName;
  /** Replay after this seq; null: live only. */
  afterSeq: number | null;
  subscriptionId: string;
  socket: FrameSocket;
  maxBufferedBytes: number;
}

export type RealtimeContext = Context & { realtime?: RealtimeRequest };

/**
 * Instrumentation for tests and benchmarks: how often the subscription root resolvers ran. With
 * multiplexing, one event to N identical subscribers counts 1; naive mode counts N.
 */
export const realtimeStats = {
  resolverCalls: 0,
  executions: 0,
  reset(): void {
    this.resolverCalls = 0;
    this.executions = 0;
  },
};
