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

/** Closed loop: `writers` clients each sending the next addNote when the last is answered. */
export interface ConcurrentWritersResult {
  writers: number;
  seconds: number;
  notes: number;
  perSecond: number;
  errors: number;
  latencyMs: Summary;
  /** Transactions the server started per committed note (1 = no conflict retry), from its /metrics. */
  transactionsPerNote: number | null;
  aborts: number | null;
}

export interface WritePathResult {
  subscribers: number;
  rates: WriteRateResult[];
  concurrent?: ConcurrentWritersResult;
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
  const concurrent = await concurrentWriters(server, fixture, 8, plan.quick ? 1 : plan.writeSeconds * 2);
  log(
    `  write path, ${concurrent.writers} concurrent writers: ${concurrent.perSecond} notes/s, ` +
      `${concurrent.transactionsPerNote} transactions per note, ${concurrent.errors} errors`,
  );
  return { subscribers, rates, concurrent };
}

/** Sum of a counter's samples on the server's /metrics whose labels contain `match`. */
async function metricSum(server: Server, name: string, match: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    let sum = 0;
    for (const line of text.split("\n"))
      if (line.startsWith(`${name}{`) && line.includes(match)) sum += Number(line.split(" ").at(-1));
    return sum;
  } catch {
    return null;
  }
}

const STORE = "greenlight_store_command_duration_seconds_count";

/**
 * The write rate one production sustains with `writers` concurrent writers, and what their
 * conflicts cost: commits and aborts the server sent to the store over the run (its /metrics).
 */
async function concurrentWriters(
  server: Server,
  fixture: RunContext["fixture"],
  writers: number,
  seconds: number,
): Promise<ConcurrentWritersResult> {
  const [commits0, aborts0] = await Promise.all([
    metricSum(server, STORE, 'command="commitTransaction"'),
    metricSum(server, STORE, 'command="abortTransaction"'),
  ]);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await addNote(server.url, fixture.owner.token, fixture.versionId, writeK++);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const [commits1, aborts1] = await Promise.all([
    metricSum(server, STORE, 'command="commitTransaction"'),
    metricSum(server, STORE, 'command="abortTransaction"'),
  ]);
  const aborts = aborts0 !== null && aborts1 !== null ? aborts1 - aborts0 : null;
  const commits = commits0 !== null && commits1 !== null ? commits1 - commits0 : null;
  return {
    writers,
    seconds: Math.round(elapsed * 10) / 10,
    notes: latencies.length,
    perSecond: Math.round(latencies.length / elapsed),
    errors,
    latencyMs: roundSummary(summarize(latencies), 2),
    transactionsPerNote:
      commits !== null && aborts !== null && latencies.length > 0
        ? Math.round(((commits + aborts) / latencies.length) * 100) / 100
        : null,
    aborts,
  };
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
