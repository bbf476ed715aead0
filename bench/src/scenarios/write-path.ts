import type { RunContext } from "../lib/context.js";
import { addNote } from "../lib/fixture.js";
import type { Server } from "../lib/stack.js";
import { roundSummary, sleep, type Summary, summarize } from "../lib/stats.js";

export interface WriteRateResult {
  rate: number;
  requests: number;
  errors: number;
  latencyMs: Summary;
  /** The five slowest requests and when they started (ms into the phase): where the tail comes from. */
  slowest: { atMs: number; ms: number }[];
  achievedPerSecond: number;
}

export interface WritePathResult {
  subscribers: number;
  rates: WriteRateResult[];
}

let writeK = 2_000_000;

/**
 * `addNote` latency (request sent → response read) on the server that also holds the
 * subscribers, open loop: requests start on schedule whether or not earlier ones finished, so a
 * slow server shows up as latency instead of being hidden by a slower request rate.
 */
export async function runWritePath(
  ctx: RunContext,
  server: Server,
  subscribers: number,
): Promise<WritePathResult> {
  const { plan, fixture, log } = ctx;
  const rates: WriteRateResult[] = [];
  for (const rate of plan.writeRates) {
    // The first second at a new rate is sent but not measured: percentiles are of the steady
    // state, not of the step from the previous rate (the slowest requests clustered there).
    const warm = Math.round(rate * (plan.quick ? 0.2 : 1));
    const count = Math.round(rate * plan.writeSeconds);
    const latencies: number[] = [];
    const startedAt: number[] = [];
    let errors = 0;
    const warmMs = (warm * 1000) / rate;
    const start = performance.now() + warmMs;
    await openLoop(server, fixture, rate, warm + count, (i, ms, at) => {
      if (i < warm) return;
      if (ms === null) errors++;
      else {
        latencies.push(ms);
        startedAt.push(at - warmMs);
      }
    });
    const elapsed = (performance.now() - start) / 1000;
    const r: WriteRateResult = {
      rate,
      requests: count,
      errors,
      latencyMs: roundSummary(summarize(latencies), 2),
      achievedPerSecond: Math.round(latencies.length / elapsed),
      slowest: latencies
        .map((ms, i) => ({ atMs: Math.round(startedAt[i] as number), ms: Math.round(ms * 10) / 10 }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
    };
    rates.push(r);
    log(`  write path ${rate}/s: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ${errors} errors`);
    // Past saturation a higher rate only queues longer (open loop): the next would say nothing new.
    if (r.latencyMs.p99 > 2_000) break;
    await sleep(500);
  }
  return { subscribers, rates };
}

/** `count` addNotes at `rate`/s, open loop; each result: index, latency (null: failed), start offset. */
async function openLoop(
  server: Server,
  fixture: RunContext["fixture"],
  rate: number,
  count: number,
  done: (i: number, ms: number | null, atMs: number) => void,
): Promise<void> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      const t0 = performance.now();
      try {
        await addNote(server.url, fixture.owner.token, fixture.versionId, writeK++);
        done(i, performance.now() - t0, t0 - start);
      } catch {
        done(i, null, t0 - start);
      }
    }),
  );
}
