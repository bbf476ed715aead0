export type RealtimeField = "productionEvents" | "versionEvents" | "presence";

/**
 * Instrumentation for tests and benchmarks: how often the subscription root resolvers ran. With
 * multiplexing, one event to N identical subscribers counts 1 (a per-subscriber server would count N).
 */
export const realtimeStats = {
  resolverCalls: 0,
  executions: 0,
  reset(): void {
    this.resolverCalls = 0;
    this.executions = 0;
  },
};
