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
  /** Events per second actually committed (one in-order writer may fall short of the schedule). */
  achievedEventsPerSecond: number;
  deliveriesPerSecond: number;
  latencyMs: Summary;
  /** Commit offsets of the events (ms from the first), so the anchor can replay the same schedule. */
  commitOffsets: number[];
  frameBytes: number;
  otherMessages: Record<string, number>;
  /** Per event: commit offset, and first/last arrival after commit (ms): where the time goes. */
  /** Server variants: store commands per event while publishing (all of them realtime's). */
  storeCommandsPerEvent?: Record<string, number>;
  perEvent: { k: number; commitAt: number; firstMs: number; lastMs: number; sockets: number }[];
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
  ordered: boolean,
): Promise<PhaseResult> {
  await pool.record(true);
  const cpu0 = cpuTime(pid);
  const start = wallNow();
  const commits = new Map<number, number>();
  const ks = spec.offsets.map((_, i) => firstK + i);
  // One writer, in order: each event starts at its scheduled time or when the previous one has
  // committed, whichever is later. Overlapping writers would commit out of seq order, and the
  // in-order delivery rule (docs/realtime.md) would then charge the writer's jitter to fan-out.
  // The anchor instead fires on the replayed schedule without waiting for the previous send to
  // finish (its own loop queues them), as commits on a store would keep coming.
  const pending: Promise<void>[] = [];
  for (const [i, k] of ks.entries()) {
    const wait = start + (spec.offsets[i] as number) - wallNow();
    if (wait > 0) await sleep(wait);
    const sent = publish(k).then((t) => {
      commits.set(k, t);
    });
    if (ordered) await sent;
    else pending.push(sent);
  }
  await Promise.all(pending);
  const deadline = Date.now() + drainTimeoutMs;
  for (const k of ks) await pool.waitFor(k, spec.subscribers, Math.max(0, deadline - Date.now()));
  const cpu1 = cpuTime(pid);
  const { byK, frameBytes, other } = await pool.collect();

  const latencies: number[] = [];
  let firstCommit = Number.POSITIVE_INFINITY;
  let lastArrival = 0;
  const perEvent: PhaseResult["perEvent"] = [];
  for (const k of ks) firstCommit = Math.min(firstCommit, commits.get(k) as number);
  for (const k of ks) {
    const c = commits.get(k) as number;
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    const arrivals = byK.get(k) ?? [];
    for (const t of arrivals) {
      latencies.push(t - c);
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    lastArrival = Math.max(lastArrival, last);
    perEvent.push({
      k,
      commitAt: round(c - firstCommit, 2),
      firstMs: round(first - c, 2),
      lastMs: round(last - c, 2),
      sockets: arrivals.length,
    });
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
    achievedEventsPerSecond: round(
      ks.length > 1 ? ((ks.length - 1) * 1000) / Math.max(1, Math.max(...commitList) - firstCommit) : 0,
      1,
    ),
    latencyMs: roundSummary(summarize(latencies)),
    commitOffsets: commitList.map((c) => round(c - firstCommit, 3)),
    frameBytes,
    otherMessages: other,
    perEvent,
  };
}

export const CPU_RESOLUTION_MS = 1000 / CLK_TCK;
