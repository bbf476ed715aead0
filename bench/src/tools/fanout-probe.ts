/**
 * Diagnostic: N Greenlight subscribers, a few events spaced out; prints per-event first/last
 * arrival after commit and server CPU. BENCH_CPU_PROF=<dir> profiles the servers.
 *   tsx src/tools/fanout-probe.ts [N] [events] [spacingMs] [naive|multiplexed]
 */
import { addNote, createFixture, eventsSpec } from "../lib/fixture.js";
import { LoaderPool } from "../lib/loader-pool.js";
import { NAIVE_ENTRY, startServer, startStore } from "../lib/stack.js";
import { runPhase } from "../scenarios/publish.js";

const [nArg, eventsArg, spacingArg, modeArg] = process.argv.slice(2);
const n = Number(nArg ?? 10_000);
const events = Number(eventsArg ?? 5);
const spacing = Number(spacingArg ?? 1000);
const store = await startStore();
const writer = await startServer("writer", store);
const server = await startServer(
  "server",
  store,
  { WS_KEEPALIVE_MS: "0" },
  modeArg === "naive" ? { entry: NAIVE_ENTRY } : {},
);
const pool = await LoaderPool.start(4);
try {
  const f = await createFixture(writer.url, 10);
  const spec = eventsSpec(server.wsUrl, f);
  const t0 = Date.now();
  await pool.resize(n, spec);
  console.log(`connected ${pool.total} in ${Date.now() - t0} ms`);
  const publish = async (k: number) => {
    const id = await addNote(writer.url, f.owner.token, f.versionId, k);
    return writer.proxy.commitTimes.get(id) as number;
  };
  for (let i = 0; i < 3; i++) await publish(5_000_000 + i);
  await new Promise((r) => setTimeout(r, 3000));
  const offsets = Array.from({ length: events }, (_, i) => i * spacing);
  const r = await runPhase(
    { name: "probe", subscribers: n, events, offsets, description: "" },
    pool,
    server.pid,
    publish,
    1,
    120_000,
    true,
  );
  console.log(
    `CPU ${JSON.stringify(r.cpuSeconds)} = ${r.cpuMicrosPerDelivery} µs/delivery; latency ${JSON.stringify(r.latencyMs)}`,
  );
  for (const e of r.perEvent)
    console.log(`  k${e.k} commit+${e.commitAt} first ${e.firstMs} last ${e.lastMs} n ${e.sockets}`);
} finally {
  await pool.stop();
  await server.stop();
  await writer.stop();
  await store.stop();
}
