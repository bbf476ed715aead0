// MongoDB's unified-format spec tests against the embedded store, through the official driver.
//   pnpm --filter @greenlight/embedded-mongo spec                 run every area, compare with expected-passes.txt
//   ... spec --area crud --grep collation --verbose               a subset, printing each failure's reason
//   ... spec:update                                               rewrite expected-passes.txt from this run
// The spec files are read from ../shared/mongodb-spec (or SPEC_DIR) at run time and never copied here.
// MONGODB_URI=... runs the same files against a real server (to check the runner itself).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Document } from "bson";
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../../src/index.js";
import { AREAS, loadArea, notApplicable, type ServerFacts, type SpecFile, testId } from "./load.js";
import { runTest, type TestEnv } from "./run-test.js";
import { EntityMap } from "./entities.js";

const here = dirname(fileURLToPath(import.meta.url));
const EXPECTED = join(here, "expected-passes.txt");
const TEST_TIMEOUT_MS = 8000;
/** Stores run side by side (SPEC_LANES overrides). */
const LANES = Math.max(1, Number(process.env.SPEC_LANES ?? 4));

function parseArgs(argv: string[]) {
  const args = { areas: [] as string[], grep: "", verbose: false, update: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--area") args.areas.push(argv[++i] ?? "");
    else if (a === "--grep") args.grep = argv[++i] ?? "";
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--update") args.update = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function serverFacts(client: MongoClient, files: SpecFile[]): Promise<ServerFacts> {
  const admin = client.db("admin");
  const build = await admin.command({ buildInfo: 1 });
  const hello = await admin.command({ hello: 1 });
  const topology = hello.msg === "isdbgrid" ? "sharded" : hello.setName ? "replicaset" : "single";
  const names = new Set<string>();
  for (const f of files)
    for (const r of [
      f.doc.runOnRequirements ?? [],
      ...f.doc.tests.map((t: { runOnRequirements?: [] }) => t.runOnRequirements ?? []),
    ].flat())
      for (const n of Object.keys(r.serverParameters ?? {})) names.add(n);
  let parameters = {};
  if (names.size) {
    const cmd = Object.fromEntries([["getParameter", 1], ...[...names].map((n) => [n, 1])]);
    parameters = await admin.command(cmd).catch(() => ({}));
  }
  const failPoints = await admin
    .command({ configureFailPoint: "failCommand", mode: "off" })
    .then(() => true)
    .catch(() => false);
  const members = ((hello.hosts as unknown[]) ?? []).length || 1;
  return { version: build.versionArray.map(Number), topology, parameters, failPoints, members };
}

type Outcome = { status: "pass" | "fail" | "n/a"; reason?: string };

async function runOne(env: TestEnv, file: SpecFile, test: { description: string }): Promise<Outcome> {
  const entities = new EntityMap(env.uri);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
  });
  try {
    await Promise.race([runTest(env, file.doc, test, entities), timeout]);
    return { status: "pass" };
  } catch (e) {
    return { status: "fail", reason: (e as Error).message ?? String(e) };
  } finally {
    clearTimeout(timer);
    await entities.close();
  }
}

function readExpected(): Set<string> {
  if (!existsSync(EXPECTED)) return new Set();
  return new Set(
    readFileSync(EXPECTED, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
}

interface Lane {
  env: TestEnv;
  close(): Promise<void>;
}

async function openLane(): Promise<Lane> {
  const embedded = process.env.MONGODB_URI
    ? undefined
    : await startEmbeddedMongo({ replSet: "rs0", enableTestCommands: true });
  const uri = process.env.MONGODB_URI ?? (embedded as { uri: string }).uri;
  const internal = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  await internal.connect();
  return {
    env: { uri, internal },
    close: async () => {
      await internal.close();
      await embedded?.close();
    },
  };
}

interface FileRun {
  counts: { pass: number; fail: number; na: number };
  lines: string[];
  outcomes: [string, Outcome][];
  slow: [number, string][];
}

async function runFile(
  env: TestEnv,
  file: SpecFile,
  args: ReturnType<typeof parseArgs>,
  facts: ServerFacts,
): Promise<FileRun> {
  const run: FileRun = { counts: { pass: 0, fail: 0, na: 0 }, lines: [], outcomes: [], slow: [] };
  // A file starts on empty databases: some (insertMany-rawdata) have no initialData and pass
  // only if no earlier file left a clashing document, which in lanes depends on timing.
  for (const e of (file.doc.createEntities ?? []) as Document[]) {
    const name = e.database?.databaseName;
    if (typeof name === "string" && !["admin", "config", "local"].includes(name))
      await env.internal.db(name).dropDatabase();
  }
  for (const test of file.doc.tests) {
    const id = testId(file, test.description);
    if (args.grep && !id.includes(args.grep)) continue;
    const reason = notApplicable(file, test, facts);
    const t0 = performance.now();
    const outcome: Outcome = reason ? { status: "n/a", reason } : await runOne(env, file, test);
    run.slow.push([performance.now() - t0, id]);
    run.outcomes.push([id, outcome]);
    if (outcome.status === "pass") run.counts.pass++;
    else if (outcome.status === "fail") run.counts.fail++;
    else run.counts.na++;
    if (args.verbose && outcome.status === "fail")
      run.lines.push(`    ✘ ${test.description}\n      ${outcome.reason}`);
  }
  return run;
}

const pct = (p: number, n: number) => (n ? `${((100 * p) / n).toFixed(1)}%` : "-");

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const specRoot = resolve(process.env.SPEC_DIR ?? join(here, "../../../../shared/mongodb-spec"));
  if (!existsSync(specRoot)) {
    console.log(`spec tests skipped: ${specRoot} not found (CI and the shared workspace provide it)`);
    return 0;
  }
  const areas = args.areas.length ? args.areas : [...AREAS];
  const files = areas.flatMap((a) => loadArea(specRoot, a));
  // Most of a run is waiting (driver retries, server re-checks after state-change errors), so
  // files run in lanes, each against its own store; a real server (MONGODB_URI) gets one lane.
  const lanes = await Promise.all(
    Array.from({ length: process.env.MONGODB_URI ? 1 : LANES }, () => openLane()),
  );
  const facts = await serverFacts((lanes[0] as Lane).env.internal, files);
  console.log(
    `spec: ${files.length} files from ${specRoot} in ${lanes.length} lanes; server ${facts.version.join(".")} ${facts.topology}, fail points ${facts.failPoints ? "on" : "off"}`,
  );
  const runs = new Map<SpecFile, Promise<FileRun>>();
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < files.length) {
        const file = files[next++] as SpecFile;
        const run = runFile(lane.env, file, args, facts);
        runs.set(file, run);
        await run;
      }
    }),
  );
  await Promise.all(lanes.map((l) => l.close()));
  const results = new Map<string, Outcome>();
  const slow: [number, string][] = [];
  const perArea = new Map<string, { pass: number; fail: number; na: number }>();
  for (const file of files) {
    const run = await (runs.get(file) as Promise<FileRun>);
    for (const [id, o] of run.outcomes) results.set(id, o);
    slow.push(...run.slow);
    const { counts } = run;
    if (counts.pass + counts.fail + counts.na === 0) continue;
    const area = perArea.get(file.area) ?? { pass: 0, fail: 0, na: 0 };
    area.pass += counts.pass;
    area.fail += counts.fail;
    area.na += counts.na;
    perArea.set(file.area, area);
    console.log(
      `  ${`${file.area}/${file.name}`.padEnd(78)} ${counts.pass} passed, ${counts.fail} failed, ${counts.na} skipped`,
    );
    for (const l of run.lines) console.log(l);
  }
  if (args.verbose) {
    console.log("\nslowest tests:");
    for (const [ms, id] of slow.sort((x, y) => y[0] - x[0]).slice(0, 15))
      console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${id}`);
  }
  return report(args, results, perArea);
}

function report(
  args: ReturnType<typeof parseArgs>,
  results: Map<string, Outcome>,
  perArea: Map<string, { pass: number; fail: number; na: number }>,
): number {
  console.log("\nper area (passed / applicable; skipped = not applicable to a 7.0 single-node replica set):");
  let pass = 0;
  let fail = 0;
  let na = 0;
  for (const [area, c] of perArea) {
    pass += c.pass;
    fail += c.fail;
    na += c.na;
    console.log(
      `  ${area.padEnd(28)} ${String(c.pass).padStart(4)} / ${String(c.pass + c.fail).padEnd(4)} ${pct(c.pass, c.pass + c.fail).padStart(6)}   (${c.na} skipped)`,
    );
  }
  if (args.verbose) printSkipReasons(results);
  const expected = readExpected();
  const regressions = [...expected].filter((id) => results.has(id) && results.get(id)?.status !== "pass");
  const fresh = [...results].filter(([id, o]) => o.status === "pass" && !expected.has(id)).map(([id]) => id);
  if (args.update) {
    const keep = [...expected].filter((id) => !results.has(id));
    const passes = [...results].filter(([, o]) => o.status === "pass").map(([id]) => id);
    const all = [...new Set([...keep, ...passes])].sort();
    writeFileSync(EXPECTED, `${all.join("\n")}\n`);
    console.log(`\nwrote ${all.length} expected passes to ${EXPECTED}`);
  } else if (fresh.length) {
    console.log(
      `\n${fresh.length} tests pass that expected-passes.txt does not list; record them with \`pnpm --filter @greenlight/embedded-mongo spec:update\``,
    );
  }
  if (regressions.length && !args.update) {
    console.log(`\n${regressions.length} tests that passed before now fail:`);
    for (const id of regressions) console.log(`  ✘ ${id}\n    ${results.get(id)?.reason}`);
  }
  console.log(`\nspec: ${pass} passed, ${fail} failed, ${na} skipped`);
  return regressions.length && !args.update ? 1 : 0;
}

/** Why tests were not applicable, counted per area (the README lists these). */
function printSkipReasons(results: Map<string, Outcome>): void {
  const tally = new Map<string, number>();
  for (const [id, o] of results) {
    if (o.status !== "n/a") continue;
    const key = `${id.split("/")[0]}: ${o.reason ?? "?"}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  if (!tally.size) return;
  console.log("\nskipped, by reason:");
  for (const [key, n] of [...tally].sort()) console.log(`  ${String(n).padStart(4)}  ${key}`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
