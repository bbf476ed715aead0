/**
 * `pnpm bench [--quick] [--only <scenario>[,<scenario>]] [--out <dir>]`
 * Starts a store, a writer server and, per variant, the server under test and the loaders, in
 * separate processes; runs the scenarios; writes <out>/latest.json and <out>/latest.md.
 * Scenarios: fanout, connections, write, read, store, cost.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { makePlan, type RunContext } from "./lib/context.js";
import { createFixture } from "./lib/fixture.js";
import { measureProxyOverhead } from "./lib/proxy-overhead.js";
import { BENCH_ROOT, CLK_TCK, killAllChildren, REPO_ROOT } from "./lib/proc.js";
import { startInProcessServer, startServer, startStore } from "./lib/stack.js";
import { evaluateTargets } from "./report/targets.js";
import { renderMarkdown } from "./report/markdown.js";
import { updateReadme } from "./report/readme.js";
import type { BenchResults } from "./report/types.js";
import { runReadPath } from "./scenarios/read-path.js";
import { runVariant, type Variant } from "./scenarios/realtime.js";
import { runStore } from "./scenarios/store.js";
import { runWriteCost } from "./scenarios/write-cost.js";
import { runWriteFanout } from "./scenarios/write-fanout.js";

const SCENARIOS = ["fanout", "connections", "write", "read", "store", "cost"] as const;
type Scenario = (typeof SCENARIOS)[number];

function parseFlags(argv: string[]): {
  quick: boolean;
  only: Set<Scenario>;
  out: string;
  variants: Variant[];
  overrides: Record<string, number>;
} {
  let quick = false;
  let variants: Variant[] = ["greenlight", "naive", "anchor"];
  let only = new Set<Scenario>(SCENARIOS);
  let out = "";
  const overrides: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") continue;
    if (a === "--quick") quick = true;
    else if (a === "--only") {
      const names = (argv[++i] ?? "").split(",").filter(Boolean);
      const bad = names.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
      if (bad.length || names.length === 0)
        throw new Error(`--only takes ${SCENARIOS.join(", ")}; got ${bad.join(", ")}`);
      only = new Set(names as Scenario[]);
    } else if (a === "--out") out = argv[++i] ?? out;
    // Development aid: run only some fan-out variants (the report then lacks some ratios).
    else if (a === "--variants") variants = (argv[++i] ?? "").split(",") as Variant[];
    // Development aid: override plan sizes, e.g. `--set medium=100,large=100` to profile one point.
    else if (a === "--set")
      for (const kv of (argv[++i] ?? "").split(",").filter(Boolean)) {
        const [k, v] = kv.split("=");
        if (!k || !Number.isFinite(Number(v))) throw new Error(`--set takes name=number pairs; got ${kv}`);
        overrides[k] = Number(v);
      }
    else
      throw new Error(
        `unknown flag ${a}; usage: pnpm bench [--quick] [--only ${SCENARIOS.join(",")}] [--out dir]`,
      );
  }
  // A smoke run must not overwrite the committed full results (`pnpm test` runs it): tmp/ is ignored.
  if (!out) out = join(BENCH_ROOT, "results", quick || Object.keys(overrides).length > 0 ? "tmp" : "");
  return { quick, only, out, variants, overrides };
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const plan = makePlan(flags.quick, flags.overrides);
  const started = Date.now();
  const log = (msg: string) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);
  const cpus = os.cpus();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      // BENCH_COMMIT: the run is on an exported snapshot of that commit (no .git, nothing uncommitted).
      commit: process.env.BENCH_COMMIT ?? git(["rev-parse", "HEAD"]),
      dirty: process.env.BENCH_COMMIT
        ? false
        : git(["status", "--porcelain", "--", "server", "embedded-mongo", "bench/src"]) !== "",
      quick: flags.quick,
      scenarios: [...flags.only],
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpuModel: cpus[0]?.model ?? "unknown",
      cpuCount: cpus.length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
      loadAverageAtEnd: [],
      clockTicksPerSecond: CLK_TCK,
      fdLimit: fdLimit(),
      durationSeconds: 0,
      proxyPingMs: { directMs: 0, proxiedMs: 0 },
      plan,
    },
    realtime: { variants: [] },
    targets: [],
    errors: [],
  };
  log(`Greenlight bench (${flags.quick ? "quick" : "full"}): ${[...flags.only].join(", ")}`);
  const store = await startStore();
  log(`store up (pid ${store.pid})`);
  const writer = await startServer("writer", store);
  log(`writer server up at ${writer.url}`);
  results.meta.proxyPingMs = await measureProxyOverhead(store, writer.proxy);
  const fixture = await createFixture(writer.url, 10);
  const ctx: RunContext = { plan, store, writer, fixture, log };
  try {
    // A failing scenario is recorded and the others still run: the report says what broke.
    const attempt = async (name: string, f: () => Promise<void>) => {
      try {
        await f();
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        log(`${name} FAILED: ${message}`);
        results.errors.push({ scenario: name, message: message.split("\n").slice(0, 3).join(" ") });
      }
    };
    const wantsRealtime =
      flags.only.has("fanout") || flags.only.has("connections") || flags.only.has("write");
    if (wantsRealtime) {
      const replay = new Map<string, number[]>();
      let frameBytes = 600;
      for (const variant of flags.variants) {
        const onlyWrite = !flags.only.has("fanout") && !flags.only.has("connections");
        if (onlyWrite && variant !== "greenlight") continue;
        log(`realtime: ${variant}`);
        await attempt(`realtime ${variant}`, async () => {
          const { result, writePath } = await runVariant(ctx, variant, {
            fanout: flags.only.has("fanout"),
            memory: flags.only.has("connections"),
            write: variant === "greenlight" && flags.only.has("write"),
            replay,
            frameBytes,
          });
          if (variant === "greenlight" && result.frameBytes > 0) frameBytes = result.frameBytes;
          results.realtime.variants.push(result);
          if (writePath) results.realtime.writePath = writePath;
        });
      }
    }
    if (flags.only.has("read")) {
      log("read path");
      await attempt("read", async () => {
        results.read = await runReadPath(ctx);
      });
    }
    if (flags.only.has("store")) {
      log("store");
      await attempt("store", async () => {
        results.store = await runStore(ctx);
      });
    }
    if (flags.only.has("cost")) {
      // One in-process server (`pnpm start`'s shape) for both: its cost alone, then with subscribers.
      const server = await startInProcessServer("server-inproc", {}, { inspect: true });
      try {
        const inproc = { server, fixture: await createFixture(server.url, 10, "In-process show") };
        log("write cost");
        await attempt("cost", async () => {
          results.cost = await runWriteCost(ctx, inproc);
        });
        log("write fan-out (in-process, with the writes)");
        await attempt("cost fan-out", async () => {
          results.writeFanout = await runWriteFanout(ctx, inproc);
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await writer.stop();
    await store.stop();
  }
  results.meta.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  results.meta.durationSeconds = Math.round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results);
  mkdirSync(flags.out, { recursive: true });
  writeFileSync(join(flags.out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(flags.out, "latest.md"), renderMarkdown(results));
  if (!flags.quick && flags.out === join(BENCH_ROOT, "results", ""))
    updateReadme(join(BENCH_ROOT, "README.md"), results);
  log(`wrote ${join(flags.out, "latest.json")} and latest.md in ${results.meta.durationSeconds} s`);
  for (const t of results.targets)
    log(`${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.id}: ${t.measured}`);
  // The smoke run's only assertion: every scenario ran and reported.
  if (results.errors.length > 0) {
    log(`${results.errors.length} scenario(s) failed: ${results.errors.map((e) => e.scenario).join(", ")}`);
    process.exitCode = 1;
  }
}

function fdLimit(): string {
  try {
    return execFileSync("sh", ["-c", "echo $(ulimit -Sn)/$(ulimit -Hn)"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    killAllChildren();
    process.exit(1);
  },
);
