/**
 * Diagnostic: where the RSS of idle subscribed connections goes. Runs the connections scenario's
 * steps (warm-up, 0, then each N with a probe event delivered to every socket, 2 s settle) against
 * one server preloaded with tools/memory-probe.cjs, and prints per socket, against the 0 point:
 * RSS, V8 heap committed (total and by space), heap used, external / ArrayBuffer memory and RSS
 * outside the V8 heap; at the last point also the same after a full GC (live vs headroom).
 *   tsx src/tools/memory-breakdown.ts [N1,N2,...]   (default 1000,10000)
 * MEMORY_V8_FLAGS="--trace-gc" BENCH_VERBOSE=1 adds V8 flags to the server (and shows its output).
 * MEMORY_ALLOC=1: also where the server allocated (sampled, collected objects included) between
 * the 0 point and the last point, per socket, by function.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addNote, createFixture, eventsSpec } from "../lib/fixture.js";
import { LoaderPool } from "../lib/loader-pool.js";
import { BENCH_ROOT } from "../lib/proc.js";
import { startServer, startStore } from "../lib/stack.js";
import { sleep } from "../lib/stats.js";

interface Reading {
  rss: number;
  rssAnon: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  mallocedMemory: number;
  spaces: Record<string, { committed: number; used: number }>;
}

const points = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const out = join(tmpdir(), `memory-probe-${process.pid}.json`);
const store = await startStore();
// MEMORY_NODE_FLAGS: extra Node flags for the server only; MEMORY_V8_FLAGS (e.g. --trace-gc, with
// BENCH_VERBOSE=1) are set by the probe.
const server = await startServer("server", store, {
  WS_KEEPALIVE_MS: "0",
  NODE_OPTIONS: [
    process.env.NODE_OPTIONS ?? "",
    "--expose-gc",
    `--require ${join(BENCH_ROOT, "src/tools/memory-probe.cjs")}`,
    process.env.MEMORY_NODE_FLAGS ?? "",
  ].join(" "),
  MEMORY_PROBE_OUT: out,
  MEMORY_V8_FLAGS: process.env.MEMORY_V8_FLAGS ?? "",
});
const pool = await LoaderPool.start(4);

async function read(
  gc: boolean,
  alloc: "start" | "stop" | null = null,
): Promise<{ before: Reading; afterGc: Reading | null }> {
  rmSync(out, { force: true });
  if (gc) writeFileSync(`${out}.gc`, "");
  else rmSync(`${out}.gc`, { force: true });
  if (alloc) writeFileSync(`${out}.alloc`, alloc);
  else rmSync(`${out}.alloc`, { force: true });
  server.child.kill("SIGWINCH");
  for (let i = 0; i < 200 && !existsSync(out); i++) await sleep(50);
  await sleep(100);
  return JSON.parse(readFileSync(out, "utf8"));
}

const kb = (bytes: number, n: number) => `${(bytes / n / 1024).toFixed(1)}`.padStart(6);

function report(label: string, base: Reading, r: Reading, n: number): void {
  const line = [
    `rss ${kb(r.rss - base.rss, n)}`,
    `heapCommitted ${kb(r.heapTotal - base.heapTotal, n)}`,
    `heapUsed ${kb(r.heapUsed - base.heapUsed, n)}`,
    `external ${kb(r.external - base.external, n)}`,
    `arrayBuffers ${kb(r.arrayBuffers - base.arrayBuffers, n)}`,
    `outsideHeap ${kb(r.rss - r.heapTotal - (base.rss - base.heapTotal), n)}`,
  ];
  console.log(`${label.padEnd(22)} KB/socket: ${line.join("  ")}`);
  const spaces = Object.entries(r.spaces)
    .map(([name, s]) => {
      const b = base.spaces[name] ?? { committed: 0, used: 0 };
      return `${name.replace("_space", "")} ${kb(s.committed - b.committed, n).trim()}/${kb(s.used - b.used, n).trim()}`;
    })
    .join("  ");
  console.log(`${"".padEnd(22)} committed/used by space: ${spaces}`);
}

interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

/** Sampled allocation bytes per socket by function (self), with each top function's callers. */
function printAllocations(profile: { head: AllocNode }, n: number): void {
  const self = new Map<string, { bytes: number; callers: Map<string, number> }>();
  let total = 0;
  const label = (c: AllocNode["callFrame"]) =>
    `${c.functionName || "(anonymous)"} ${c.url.replace(/^.*\/(node_modules\/(?:\.pnpm\/)?)?/, "")}:${c.lineNumber + 1}`;
  const walk = (node: AllocNode, stack: string[]) => {
    const here = label(node.callFrame);
    if (node.selfSize > 0) {
      total += node.selfSize;
      const entry = self.get(here) ?? { bytes: 0, callers: new Map<string, number>() };
      entry.bytes += node.selfSize;
      const via = stack.slice(-3).reverse().join(" < ");
      entry.callers.set(via, (entry.callers.get(via) ?? 0) + node.selfSize);
      self.set(here, entry);
    }
    for (const c of node.children) walk(c, [...stack, here]);
  };
  walk(profile.head, []);
  console.log(`allocated (sampled) ${(total / n / 1024).toFixed(1)} KB per socket; by function:`);
  const top = [...self].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25);
  for (const [name, { bytes, callers }] of top) {
    console.log(`${(bytes / n).toFixed(0).padStart(7)} B  ${name}`);
    const via = [...callers].sort((a, b) => b[1] - a[1])[0];
    if (via) console.log(`${"".padStart(12)}< ${via[0]}`);
  }
}

try {
  const f = await createFixture(server.url, 10);
  const spec = eventsSpec(server.wsUrl, f);
  let k = 1;
  // Each resize ends with an event every socket receives, as the benchmark's probe does (a
  // subscription goes live a moment after its socket connects: publish again while it progresses).
  const resize = async (n: number) => {
    await pool.resize(n, spec);
    let got = 0;
    for (let attempt = 0; attempt < 5 && got < n; attempt++) {
      const key = k++;
      await addNote(server.url, f.owner.token, f.versionId, key);
      let last = -1;
      for (let i = 0; i < 30 && got < n && got !== last; i++) {
        last = got;
        got = await pool.waitFor(key, n, 2_000);
      }
    }
    if (got < n) console.log(`  probe reached ${got}/${n}`);
  };
  await resize(10);
  for (let i = 0; i < 4; i++) await resize(10);
  await resize(0);
  await sleep(2_000);
  const profiling = process.env.MEMORY_ALLOC === "1";
  const base = (await read(false, profiling ? "start" : null)).before;
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  console.log(
    `base: rss ${mb(base.rss)} MB, heap committed ${mb(base.heapTotal)} MB (new ${mb(base.spaces.new_space?.committed ?? 0)}, old ${mb(base.spaces.old_space?.committed ?? 0)}), used ${mb(base.heapUsed)} MB`,
  );
  for (const [i, n] of points.entries()) {
    await resize(n);
    await sleep(2_000);
    const last = i === points.length - 1;
    const r = await read(last, last && profiling ? "stop" : null);
    report(`${n} sockets`, base, r.before, n);
    if (r.afterGc) report(`${n} after full GC`, base, r.afterGc, n);
  }
  if (profiling) {
    for (let i = 0; i < 100 && !existsSync(`${out}.heapprofile`); i++) await sleep(100);
    printAllocations(JSON.parse(readFileSync(`${out}.heapprofile`, "utf8")), points.at(-1) as number);
  }
} finally {
  rmSync(out, { force: true });
  for (const ext of [".gc", ".alloc", ".heapprofile"]) rmSync(`${out}${ext}`, { force: true });
  await pool.stop();
  await server.stop();
  await store.stop();
}
