/**
 * Diagnostic: server CPU, store commands and latency of sequential addNote calls on an otherwise
 * idle server (no subscribers). BENCH_CPU_PROF=<dir> adds a V8 profile.
 *   tsx src/tools/addnote-cost.ts [count]
 */
import { createFixture, addNote } from "../lib/fixture.js";
import { cpuDelta, cpuTime } from "../lib/proc.js";
import { startServer, startStore } from "../lib/stack.js";
import { summarize } from "../lib/stats.js";

const count = Number(process.argv[2] ?? 200);
const store = await startStore();
const server = await startServer("server", store);
try {
  const f = await createFixture(server.url, 1);
  for (let i = 0; i < 20; i++) await addNote(server.url, f.owner.token, f.versionId, 9_000_000 + i);
  const before = server.proxy.snapshot();
  const cpu0 = cpuTime(server.pid);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await addNote(server.url, f.owner.token, f.versionId, i);
    times.push(performance.now() - t);
  }
  const cpu = cpuDelta(cpu0, cpuTime(server.pid));
  const work = server.proxy.workSince(before);
  const s = summarize(times);
  console.log(
    `addNote x${count}: p50 ${s.p50.toFixed(1)} ms p99 ${s.p99.toFixed(1)} ms; server CPU ${((cpu.total / count) * 1000).toFixed(2)} ms/mutation (user ${cpu.user.toFixed(2)} s, sys ${cpu.system.toFixed(2)} s)`,
  );
  console.log(
    `store commands per mutation: ${(work.total / count).toFixed(1)}`,
    Object.fromEntries(Object.entries(work.byName).map(([k, n]) => [k, n / count])),
  );
} finally {
  await server.stop();
  await store.stop();
}
