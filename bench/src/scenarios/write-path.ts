import type { RunContext } from "../lib/context.js";
import { addNote } from "../lib/fixture.js";
import type { Server } from "../lib/stack.js";
import { roundSummary, sleep, type Summary, summarize } from "../lib/stats.js";

export interface WriteRateResult {
  rate: number;
  requests: number;
  errors: number;
  latencyMs: Summary;
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
    const count = Math.round(rate * plan.writeSeconds);
    const latencies: number[] = [];
    let errors = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const wait = start + (i * 1000) / rate - performance.now();
        if (wait > 0) await sleep(wait);
        const t0 = performance.now();
        try {
          await addNote(server.url, fixture.owner.token, fixture.versionId, writeK++);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const r: WriteRateResult = {
      rate,
      requests: count,
      errors,
      latencyMs: roundSummary(summarize(latencies), 2),
      achievedPerSecond: Math.round(latencies.length / elapsed),
    };
    rates.push(r);
    log(`  write path ${rate}/s: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ${errors} errors`);
    await sleep(500);
  }
  return { subscribers, rates };
}
