import type { Fixture } from "./fixture.js";
import type { Server, Store } from "./stack.js";

/** Sizes and durations of a run; `--quick` shrinks everything so CI finishes in under 2 minutes. */
export interface Plan {
  quick: boolean;
  /** Subscriber counts: the small, medium and large fan-out points. */
  small: number;
  medium: number;
  large: number;
  loaders: number;
  /** Seconds of steady publishing per steady phase. */
  steadySeconds: number;
  /** Events per second at the medium point (the 10/s) and at the small one. */
  mediumRate: number;
  smallRate: number;
  /** Events per second in the steady phase at the large point (its CPU figure; the burst is latency's). */
  largeRate: number;
  burstEvents: number;
  writeRates: number[];
  writeSeconds: number;
  writeSubscribers: number;
  notes: number;
  events: number;
  pageRequests: number;
  storeDocs: number;
  storeInserts: number;
  /** Sequential addNotes measured by the write-cost scenario (and the baseline's writes), after a warm-up. */
  costWrites: number;
  costWarmup: number;
  /** Idle time before reading RSS, and warm-up probes before the first measurement. */
  settleMs: number;
  warmupProbes: number;
  /** How long one probe may take to reach every socket before another is sent (3 at most). */
  probeTimeoutMs: number;
}

export function makePlan(quick: boolean, overrides: Record<string, number> = {}): Plan {
  const plan = makePlanFor(quick);
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in plan) || typeof plan[k as keyof Plan] !== "number")
      throw new Error(`--set: no numeric plan field ${k}`);
    (plan as unknown as Record<string, number>)[k] = v;
  }
  return plan;
}

function makePlanFor(quick: boolean): Plan {
  return quick
    ? {
        quick,
        small: 20,
        medium: 100,
        large: 300,
        loaders: 1,
        steadySeconds: 1,
        mediumRate: 10,
        smallRate: 20,
        largeRate: 5,
        burstEvents: 5,
        writeRates: [10, 50, 200],
        writeSeconds: 0.5,
        writeSubscribers: 20,
        notes: 500,
        events: 5_000,
        pageRequests: 20,
        storeDocs: 5_000,
        storeInserts: 500,
        costWrites: 30,
        costWarmup: 5,
        settleMs: 500,
        warmupProbes: 1,
        probeTimeoutMs: 10_000,
      }
    : {
        quick,
        small: 100,
        medium: 1_000,
        large: 10_000,
        loaders: 4,
        steadySeconds: 6,
        mediumRate: 10,
        smallRate: 50,
        largeRate: 2,
        burstEvents: 20,
        // Up to twice the ~185/s one server sustained before #19's cuts.
        writeRates: [10, 50, 200, 300, 400],
        writeSeconds: 5,
        writeSubscribers: 100,
        notes: 10_000,
        events: 100_000,
        pageRequests: 200,
        storeDocs: 100_000,
        storeInserts: 5_000,
        costWrites: 300,
        costWarmup: 30,
        settleMs: 2_000,
        warmupProbes: 5,
        probeTimeoutMs: 90_000,
      };
}

/** What scenarios share: one store and one "writer" server for the whole run. */
export interface RunContext {
  plan: Plan;
  store: Store;
  writer: Server;
  fixture: Fixture;
  log: (msg: string) => void;
}
