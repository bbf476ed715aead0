import type { RunContext } from "../lib/context.js";
import { addNote, eventsSpec } from "../lib/fixture.js";
import { LoaderPool } from "../lib/loader-pool.js";
import { round } from "../lib/stats.js";
import { type PhaseResult, runPhase, steadyOffsets } from "./publish.js";
import { anchorTarget } from "./realtime.js";
import type { InProcessTarget } from "./write-cost.js";

export interface WriteFanoutResult {
  subscribers: number;
  rate: number;
  /** Greenlight as `pnpm start` runs it, taking the writes itself: CPU of its one process. */
  greenlight: PhaseResult;
  /** Bare `ws` sending frames of the same size on Greenlight's commit schedule. */
  anchor: PhaseResult;
  ratio: number;
}

let k = 6_000_000;

/**
 * CPU per delivery with the write included: 1,000 subscribers at 10 events/s on one in-process
 * server that also takes the `addNote`s (the fan-out scenario's writer is a separate process, so
 * its figure is delivery only). The clock starts at the `addNote` response (there is no proxy to
 * see the commit), which only this scenario's latency figures would notice; its target is CPU.
 */
export async function runWriteFanout(ctx: RunContext, inproc: InProcessTarget): Promise<WriteFanoutResult> {
  const { plan, log } = ctx;
  const subscribers = plan.medium;
  const rate = plan.mediumRate;
  const events = rate * plan.steadySeconds;
  const spec = {
    name: "steady-medium-with-write",
    subscribers,
    events,
    offsets: steadyOffsets(events, rate),
    description: `${subscribers} subscribers, ${rate} events/s, writes taken by the same process`,
  };
  const pool = await LoaderPool.start(Math.max(1, Math.ceil(subscribers / 2_500)));
  try {
    const { server, fixture: f } = inproc;
    let greenlight: PhaseResult;
    try {
      const publish = async (key: number) => {
        await addNote(server.url, f.owner.token, f.versionId, key);
        return performance.timeOrigin + performance.now();
      };
      await pool.resize(subscribers, eventsSpec(server.wsUrl, f));
      await warm(pool, publish, subscribers, plan.warmupProbes);
      greenlight = await runPhase(spec, pool, server.pid, publish, k, plan.quick ? 30_000 : 120_000, true);
      k += events;
    } finally {
      await pool.resize(0, { url: "", mode: "bare", tokens: [], query: "", variables: {} });
    }
    log(`  write fan-out: Greenlight ${greenlight.cpuMicrosPerDelivery} µs CPU per delivery with its writes`);
    const anchor = await anchorTarget(greenlight.frameBytes || 600);
    let bare: PhaseResult;
    try {
      await pool.resize(subscribers, anchor.spec);
      await warm(pool, anchor.publish, subscribers, plan.warmupProbes);
      bare = await runPhase(
        { ...spec, offsets: greenlight.commitOffsets },
        pool,
        anchor.pid,
        anchor.publish,
        k,
        plan.quick ? 30_000 : 120_000,
        false,
      );
      k += events;
    } finally {
      await anchor.close();
    }
    log(`  write fan-out: bare ws ${bare.cpuMicrosPerDelivery} µs CPU per delivery`);
    return {
      subscribers,
      rate,
      greenlight,
      anchor: bare,
      ratio: round(greenlight.cpuMicrosPerDelivery / Math.max(1e-9, bare.cpuMicrosPerDelivery), 2),
    };
  } finally {
    await pool.stop();
  }
}

/**
 * Events until every socket has had `times` of them (subscriptions live, JIT warm). A socket's
 * subscription goes live a moment after its `subscribe`, so an early event may miss some.
 */
async function warm(
  pool: LoaderPool,
  publish: (key: number) => Promise<number>,
  expected: number,
  times: number,
): Promise<void> {
  let complete = 0;
  let got = 0;
  for (let i = 0; i < times + 5 && complete < times; i++) {
    const key = k++;
    await publish(key);
    got = await pool.waitFor(key, expected, 10_000);
    if (got >= expected) complete++;
  }
  if (complete < times) throw new Error(`warm-up: the last event reached ${got} of ${expected} sockets`);
}
