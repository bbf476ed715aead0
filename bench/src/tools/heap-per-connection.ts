/**
 * Diagnostic: what an idle subscribed connection costs in the server's heap. Opens N
 * subscriptions, writes a heap snapshot (SIGUSR2), and prints the heap's biggest constructors
 * by self size, divided by N.   tsx src/tools/heap-per-connection.ts [N]
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createFixture, eventsSpec } from "../lib/fixture.js";
import { LoaderPool } from "../lib/loader-pool.js";
import { readFileSync as read } from "node:fs";
import { REPO_ROOT, rssBytes } from "../lib/proc.js";

function anonBytes(pid: number): number {
  const m = /RssAnon:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}
import { startServer, startStore } from "../lib/stack.js";
import { sleep } from "../lib/stats.js";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

async function snapshotOf(pid: number, kill: (s: NodeJS.Signals) => void): Promise<Map<string, number>> {
  const dir = join(REPO_ROOT, "server");
  const before = new Set(readdirSync(dir));
  kill("SIGUSR2");
  let file: string | undefined;
  for (let i = 0; i < 600 && !file; i++) {
    await sleep(500);
    file = readdirSync(dir).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
  }
  if (!file) throw new Error("no snapshot");
  let size = -1;
  for (;;) {
    await sleep(1000);
    const text = readFileSync(join(dir, file), "utf8");
    if (text.length === size && text.trimEnd().endsWith("}")) break;
    size = text.length;
  }
  const snap = JSON.parse(readFileSync(join(dir, file), "utf8")) as Snapshot;
  rmSync(join(dir, file));
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = f.length;
  const iType = f.indexOf("type");
  const iName = f.indexOf("name");
  const iSize = f.indexOf("self_size");
  const out = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType] as number];
    const raw = snap.strings[snap.nodes[i + iName] as number] ?? "?";
    // Strings by their first characters: per-socket copies of one text add up in one row.
    const name =
      type === "object" || type === "closure"
        ? raw
        : type === "string" || type === "concatenated string"
          ? `"${raw.slice(0, 40).replace(/\s+/g, " ")}"`
          : `(${type})`;
    const key = `${type}:${name}`.slice(0, 80);
    out.set(key, (out.get(key) ?? 0) + (snap.nodes[i + iSize] as number));
  }
  void pid;
  return out;
}

const n = Number(process.argv[2] ?? 2000);
const store = await startStore();
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2`;
const server = await startServer("server", store, { WS_KEEPALIVE_MS: "0" });
const pool = await LoaderPool.start(2);
try {
  const f = await createFixture(server.url, 10);
  const spec = eventsSpec(server.wsUrl, f);
  await pool.resize(10, spec);
  await sleep(2000);
  const rss0 = rssBytes(server.pid);
  const anon0 = anonBytes(server.pid);
  await pool.resize(n + 10, spec);
  await sleep(3000);
  const rss1 = rssBytes(server.pid);
  const anon1 = anonBytes(server.pid);
  console.log(
    `RSS +${((rss1 - rss0) / n / 1024).toFixed(1)} KB/connection (anonymous +${((anon1 - anon0) / n / 1024).toFixed(1)} KB)`,
  );
  // Snapshots force a full GC: with and without the N sockets, the difference is their live heap.
  const after = await snapshotOf(server.pid, (s) => server.child.kill(s));
  await pool.resize(10, spec);
  await sleep(2000);
  const base = await snapshotOf(server.pid, (s) => server.child.kill(s));
  const diff = [...after].map(([k, v]) => [k, v - (base.get(k) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
  const total = diff.reduce((s, [, v]) => s + v, 0);
  console.log(`live heap +${(total / n / 1024).toFixed(1)} KB/connection`);
  for (const [k, v] of diff.slice(0, 60)) console.log(`${(v / n).toFixed(0).padStart(7)} B/conn  ${k}`);
} finally {
  await pool.stop();
  await server.stop();
  await store.stop();
}
