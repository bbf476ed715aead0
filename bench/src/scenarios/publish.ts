import { wallNow } from "../lib/clock.js";
import { sleep, type Summary, roundSummary, summarize, round } from "../lib/stats.js";
import type { LoaderPool } from "../lib/loader-pool.js";
import { cpuDelta, cpuTime, CLK_TCK } from "../lib/proc.js";

/** Fires event k, resolving to its commit time (our clock) once known. */
export type Publisher = (k: number) => Promise<number>;

export interface PhaseSpec {
  name: string;
  subscribers: number;
  events: number;
  /** Start offsets (ms) of each event from the phase start: steady rate, burst (all 0), or a replay. */
  offsets: number[];
  description: string;
}

export interface PhaseResult {
  name: string;
  description: string;
  subscribers: number;
  events: number;
  expected: number;
  delivered: number;
  /** Server process CPU from /proc during the window (first publish → last delivery). */
  cpuSeconds: { user: number; system: number; total: number };
  cpuMicrosPerDelivery: number;
  cpuMillisPer1000: number;
  systemShare: number;
  windowSeconds: number;
  deliveriesPerSecond: number;
  latencyMs: Summary;
  /** Commit offsets of the events (ms from the first), so the anchor can replay the same schedule. */
  commitOffsets: number[];
  frameBytes: number;
  otherMessages: Record<string, number>;
}

export const steadyOffsets = (events: number, rate: number) =>
  Array.from({ length: events }, (_, i) => (i * 1000) / rate);

/**
 * One measured publishing phase: record arrivals, publish on schedule, wait until every socket
 * has every event (or the drain timeout), then read the server's CPU and join arrivals to commits.
 */
export async function runPhase(
  spec: PhaseSpec,
  pool: LoaderPool,
  pid: number,
  publish: Publisher,
  firstK: number,
  drainTimeoutMs: number,
): Promise<PhaseResult> {
  await pool.record(true);
  const cpu0 = cpuTime(pid);
  const start = wallNow();
  const commits = new Map<number, number>();
  const ks = spec.offsets.map((_, i) => firstK + i);
  const published = ks.map(async (k, i) => {
    const wait = start + (spec.offsets[i] as number) - wallNow();
    if (wait > 0) await sleep(wait);
    commits.set(k, await publish(k));
  });
  await Promise.all(published);
  const deadline = Date.now() + drainTimeoutMs;
  for (const k of ks) await pool.waitFor(k, spec.subscribers, Math.max(0, deadline - Date.now()));
  const cpu1 = cpuTime(pid);
  const { byK, frameBytes, other } = await pool.collect();

  const latencies: number[] = [];
  let firstCommit = Number.POSITIVE_INFINITY;
  let lastArrival = 0;
  for (const k of ks) {
    const c = commits.get(k) as number;
    firstCommit = Math.min(firstCommit, c);
    for (const t of byK.get(k) ?? []) {
      latencies.push(t - c);
      lastArrival = Math.max(lastArrival, t);
    }
  }
  const cpu = cpuDelta(cpu0, cpu1);
  const delivered = latencies.length;
  const windowSeconds = (lastArrival - firstCommit) / 1000;
  const commitList = ks.map((k) => commits.get(k) as number);
  return {
    name: spec.name,
    description: spec.description,
    subscribers: spec.subscribers,
    events: ks.length,
    expected: ks.length * spec.subscribers,
    delivered,
    cpuSeconds: { user: round(cpu.user, 2), system: round(cpu.system, 2), total: round(cpu.total, 2) },
    cpuMicrosPerDelivery: round((cpu.total / Math.max(1, delivered)) * 1e6, 2),
    cpuMillisPer1000: round((cpu.total / Math.max(1, delivered)) * 1e6, 2),
    systemShare: round(cpu.total > 0 ? cpu.system / cpu.total : 0, 2),
    windowSeconds: round(windowSeconds, 3),
    deliveriesPerSecond: round(delivered / Math.max(1e-3, windowSeconds), 0),
    latencyMs: roundSummary(summarize(latencies)),
    commitOffsets: commitList.map((c) => round(c - firstCommit, 3)),
    frameBytes,
    otherMessages: other,
  };
}

export const CPU_RESOLUTION_MS = 1000 / CLK_TCK;
