import type { Plan } from "../lib/context.js";
import type { ReadPathResult } from "../scenarios/read-path.js";
import type { RealtimeResult } from "../scenarios/realtime.js";
import type { StoreResult } from "../scenarios/store.js";
import type { WriteCostResult } from "../scenarios/write-cost.js";
import type { WriteFanoutResult } from "../scenarios/write-fanout.js";

export interface TargetResult {
  id: string;
  target: string;
  measured: string;
  anchor: string;
  ratio: number | null;
  /** null: not measured in this run (scenario skipped, or --quick where it says nothing). */
  met: boolean | null;
  note?: string;
}

export interface BenchResults {
  meta: {
    date: string;
    commit: string;
    /** Uncommitted changes under server/, embedded-mongo/ or bench/src when the run started. */
    dirty: boolean;
    quick: boolean;
    scenarios: string[];
    node: string;
    platform: string;
    cpuModel: string;
    cpuCount: number;
    memoryGB: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    clockTicksPerSecond: number;
    fdLimit: string;
    durationSeconds: number;
    /** Store ping p50 direct vs through the counting proxy (the hop it adds). */
    proxyPingMs: { directMs: number; proxiedMs: number };
    plan: Plan;
  };
  realtime: RealtimeResult;
  read?: ReadPathResult;
  store?: StoreResult;
  cost?: WriteCostResult;
  writeFanout?: WriteFanoutResult;
  targets: TargetResult[];
  /** Scenarios that threw (the run goes on; `pnpm bench` then exits 1). */
  errors: { scenario: string; message: string }[];
}
