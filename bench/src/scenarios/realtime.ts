import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { FromAnchor, ToAnchor } from "../anchor-server.js";
import type { RunContext } from "../lib/context.js";
import { addNote, eventsSpec } from "../lib/fixture.js";
import { type ConnectSpec, LoaderPool } from "../lib/loader-pool.js";
import { BENCH_ROOT, rssBytes, spawnTs, stopChild } from "../lib/proc.js";
import { NAIVE_ENTRY, type Server, startServer } from "../lib/stack.js";
import { round, sleep } from "../lib/stats.js";
import { type PhaseResult, type PhaseSpec, type Publisher, runPhase, steadyOffsets } from "./publish.js";
import { runWritePath, type WritePathResult } from "./write-path.js";

export type Variant = "greenlight" | "naive" | "anchor";

export interface MemoryPoint {
  connections: number;
  rssBytes: number;
  perConnectionKB: number;
}

export interface VariantResult {
  variant: Variant;
  phases: PhaseResult[];
  memory: { baseRssBytes: number; points: MemoryPoint[] };
  connectFailures: number;
  connectErrors: string[];
  /** Server side only: what the store saw from this process (see store-proxy.ts). */
  store?: { changeStreamsOpened: number; peakCommandsInFlight: number; peakChangeStreamGetMores: number };
  frameBytes: number;
  clock: { maxOffsetMs: number; maxBoundMs: number };
}

export interface RealtimeResult {
  variants: VariantResult[];
  writePath?: WritePathResult;
}

export interface Target {
  pid: number;
  spec: ConnectSpec;
  publish: Publisher;
  /** Stamps the store-side commit (server variants) or the anchor's send time. */
  close(): Promise<void>;
  store?: () => VariantResult["store"];
  resetPeaks?: () => void;
  server?: Server;
}

/** Greenlight (or the naive baseline, src/baseline/) as the server under test; writes go through the writer. */
async function serverTarget(ctx: RunContext, variant: "greenlight" | "naive"): Promise<Target> {
  const server = await startServer(
    `server-${variant}`,
    ctx.store,
    // Keep-alive pings would add per-socket work to the CPU window that is not delivery.
    { WS_KEEPALIVE_MS: "0" },
    variant === "naive" ? { entry: NAIVE_ENTRY } : {},
  );
  const { writer, fixture } = ctx;
  return {
    pid: server.pid,
    server,
    spec: eventsSpec(server.wsUrl, fixture),
    publish: async (k) => {
      const noteId = await addNote(writer.url, fixture.owner.token, fixture.versionId, k);
      const committed = writer.proxy.commitTimes.get(noteId);
      if (committed === undefined) throw new Error(`no commit seen for note ${noteId}`);
      return committed;
    },
    close: () => server.stop(),
    resetPeaks: () => server.proxy.resetPeaks(),
    store: () => ({
      changeStreamsOpened: server.proxy.changeStreamsOpened(),
      peakCommandsInFlight: server.proxy.peakInFlight,
      peakChangeStreamGetMores: server.proxy.peakChangeStreamGetMores,
    }),
  };
}

export async function anchorTarget(frameBytes: number): Promise<Target> {
  const child: ChildProcess = spawnTs(join(BENCH_ROOT, "src/anchor-server.ts"), [], {
    cwd: BENCH_ROOT,
    ipc: true,
    name: "anchor",
  });
  const waiting = new Map<string, (m: FromAnchor) => void>();
  child.on("message", (m: FromAnchor) => {
    const key = m.t === "sent" ? `sent:${m.k}` : m.t;
    waiting.get(key)?.(m);
    waiting.delete(key);
  });
  const ask = <T extends FromAnchor>(msg: ToAnchor | null, key: string) =>
    new Promise<T>((resolve) => {
      waiting.set(key, (m) => resolve(m as T));
      if (msg) child.send(msg);
    });
  const listening = await ask<Extract<FromAnchor, { t: "listening" }>>(null, "listening");
  await ask({ t: "frame", bytes: frameBytes }, "framed");
  return {
    pid: child.pid as number,
    spec: { url: `ws://127.0.0.1:${listening.port}`, mode: "bare", tokens: [], query: "", variables: {} },
    // "Commit" is when the trigger is sent, like a store acknowledging a write: if the anchor is
    // still busy sending the previous frame, that wait counts, as it does for Greenlight.
    publish: async (k) => {
      const triggered = performance.timeOrigin + performance.now();
      await ask<Extract<FromAnchor, { t: "sent" }>>({ t: "send", k }, `sent:${k}`);
      return triggered;
    },
    close: () => stopChild(child),
  };
}

let probeK = 1_000_000;

/**
 * Publishes a probe and waits until every socket has it: subscriptions are live, JIT is warm.
 * A socket's subscription goes live a moment after its `subscribe` is sent, so a probe that
 * reached some sockets and then stopped making progress is followed by another. One that has
 * reached nobody yet is waited for (the naive baseline at 10,000 delivers nothing until it has
 * executed for nearly everyone) rather than piled upon.
 */
async function probe(t: Target, pool: LoaderPool, expected: number, timeoutMs: number): Promise<number> {
  let got = 0;
  for (let attempt = 0; attempt < 3 && got < expected; attempt++) {
    const k = probeK++;
    await t.publish(k);
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    while (Date.now() < deadline) {
      got = await pool.waitFor(k, expected, 2_000);
      if (got >= expected || (got > 0 && got === last)) break;
      last = got;
    }
  }
  return got;
}

async function settledRss(pid: number, ms: number): Promise<number> {
  await sleep(ms);
  return rssBytes(pid);
}

export async function runVariant(
  ctx: RunContext,
  variant: Variant,
  opts: {
    fanout: boolean;
    memory: boolean;
    write: boolean;
    replay: Map<string, number[]>;
    frameBytes: number;
  },
): Promise<{ result: VariantResult; writePath?: WritePathResult }> {
  const { plan, log } = ctx;
  const t = variant === "anchor" ? await anchorTarget(opts.frameBytes) : await serverTarget(ctx, variant);
  const pool = await LoaderPool.start(plan.loaders);
  const result: VariantResult = {
    variant,
    phases: [],
    memory: { baseRssBytes: 0, points: [] },
    connectFailures: 0,
    connectErrors: [],
    frameBytes: 0,
    clock: pool.clockError(),
  };
  let writePath: WritePathResult | undefined;
  const resize = async (n: number) => {
    const started = Date.now();
    const r = await pool.resize(n, t.spec);
    result.connectFailures += r.failed;
    result.connectErrors.push(...r.errors.slice(0, 3));
    const got = await probe(t, pool, pool.total, plan.probeTimeoutMs);
    log(
      `  ${variant}: ${pool.total} sockets (${r.failed} failed) in ${Date.now() - started} ms; probe reached ${got}`,
    );
  };
  let k = 1;
  const peaks = { inFlight: 0, changeStream: 0 };
  const phase = async (spec: PhaseSpec) => {
    t.resetPeaks?.();
    const replayed = opts.replay.get(spec.name);
    const s = variant === "anchor" && replayed ? { ...spec, offsets: replayed } : spec;
    const before = t.server?.proxy.snapshot();
    const r = await runPhase(
      s,
      pool,
      t.pid,
      t.publish,
      k,
      plan.quick ? 30_000 : 120_000,
      variant !== "anchor",
    );
    if (before && t.server) {
      // Everything this process asked the store while publishing is realtime's (it takes no writes).
      const work = t.server.proxy.workSince(before);
      r.storeCommandsPerEvent = Object.fromEntries(
        Object.entries(work.byName).map(([name, n]) => [name, round(n / r.events, 2)]),
      );
    }
    const seen = t.store?.();
    if (seen) {
      peaks.inFlight = Math.max(peaks.inFlight, seen.peakCommandsInFlight);
      peaks.changeStream = Math.max(peaks.changeStream, seen.peakChangeStreamGetMores);
    }
    k += s.offsets.length;
    result.phases.push(r);
    result.frameBytes = Math.max(result.frameBytes, r.frameBytes);
    log(
      `  ${variant} ${spec.name}: ${r.delivered}/${r.expected} delivered, ${r.cpuMicrosPerDelivery} µs CPU/delivery, p99 ${r.latencyMs.p99} ms`,
    );
    if (variant === "greenlight") opts.replay.set(spec.name, r.commitOffsets);
  };
  try {
    // Warm-up: a few sockets and events so the measured phases do not pay for JIT and first loads.
    await resize(Math.min(10, plan.small));
    for (let i = 0; i < plan.warmupProbes; i++) await probe(t, pool, pool.total, plan.probeTimeoutMs);
    await resize(0);
    result.memory.baseRssBytes = await settledRss(t.pid, plan.settleMs);
    const memoryPoint = async (n: number) => {
      const rss = await settledRss(t.pid, plan.settleMs);
      const point = {
        connections: n,
        rssBytes: rss,
        perConnectionKB: round((rss - result.memory.baseRssBytes) / n / 1024, 1),
      };
      result.memory.points.push(point);
      log(
        `  ${variant}: RSS with ${n} idle subscribed sockets ${(rss / 2 ** 20).toFixed(0)} MB, ${point.perConnectionKB} KB each`,
      );
    };

    if (opts.fanout || opts.memory) {
      await resize(plan.medium);
      if (opts.memory) await memoryPoint(plan.medium);
      await resize(plan.large);
      if (opts.memory) await memoryPoint(plan.large);
    }
    if (opts.fanout) {
      // The naive baseline executes per subscriber, with the resolvers' store reads each time: 20
      // events x 10,000 would take minutes, so it gets 2 (its CPU per delivery is what matters).
      const burst = variant === "naive" ? Math.min(2, plan.burstEvents) : plan.burstEvents;
      await phase({
        name: "burst-large",
        subscribers: plan.large,
        events: burst,
        offsets: Array.from({ length: burst }, () => 0),
        description: `${plan.large} subscribers, ${plan.burstEvents}-event burst`,
      });
      // The naive baseline cannot keep up with a steady rate at this size (see the burst above).
      if (variant !== "naive")
        await phase({
          name: "steady-large",
          subscribers: plan.large,
          events: plan.largeRate * plan.steadySeconds,
          offsets: steadyOffsets(plan.largeRate * plan.steadySeconds, plan.largeRate),
          description: `${plan.large} subscribers, ${plan.largeRate} events/s`,
        });
      await resize(plan.medium);
      await phase({
        name: "steady-medium",
        subscribers: plan.medium,
        events: plan.mediumRate * plan.steadySeconds,
        offsets: steadyOffsets(plan.mediumRate * plan.steadySeconds, plan.mediumRate),
        description: `${plan.medium} subscribers, ${plan.mediumRate} events/s`,
      });
      await resize(plan.small);
      await phase({
        name: "steady-small",
        subscribers: plan.small,
        events: plan.smallRate * plan.steadySeconds,
        offsets: steadyOffsets(plan.smallRate * plan.steadySeconds, plan.smallRate),
        description: `${plan.small} subscribers, ${plan.smallRate} events/s`,
      });
    }
    const seen = t.store?.();
    if (seen) {
      result.store = {
        changeStreamsOpened: seen.changeStreamsOpened,
        peakCommandsInFlight: peaks.inFlight,
        peakChangeStreamGetMores: peaks.changeStream,
      };
    }
    if (opts.write && t.server && ctx.fixture) {
      await resize(plan.writeSubscribers);
      writePath = await runWritePath(ctx, t.server, pool.total);
    }
  } finally {
    await pool.stop();
    await t.close();
  }
  return { result, writePath };
}
