// `pnpm test`: every test layer, in order, each in its own process, then one summary.
// Runs them all even after a failure (so one run shows everything), and exits non-zero if any failed.
//   pnpm test                 everything (checks, store, server, client, integration, e2e, bench smoke)
//   pnpm test server client   only the named steps
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkNode, ensureClientBuilt, ensureInstalled, pnpmSync, root } from "./lib.mjs";

checkNode();
ensureInstalled();

const resultsDir = join(root, ".data", "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const vitestArgs = (name) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(resultsDir, `${name}.json`)}`,
];

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("› Installing Debian's chromium for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  }
  if (existsSync("/usr/bin/chromium")) return true;
  console.error("The end-to-end tests need Chromium at /usr/bin/chromium: `sudo apt-get install chromium`.");
  return false;
}

const steps = [
  { name: "check", run: () => pnpmSync(["check"]) },
  {
    name: "store",
    run: () => pnpmSync(["--filter", "@greenlight/embedded-mongo", "test", ...vitestArgs("store")]),
  },
  {
    name: "server",
    run: () => pnpmSync(["--filter", "@greenlight/server", "test", ...vitestArgs("server")]),
  },
  {
    name: "client",
    run: () => pnpmSync(["--filter", "@greenlight/client", "test", ...vitestArgs("client")]),
  },
  {
    name: "integration",
    run: () => pnpmSync(["--filter", "@greenlight/tests", "test:integration", ...vitestArgs("integration")]),
  },
  {
    name: "e2e",
    run: () => {
      if (!ensureChromium()) return 1;
      ensureClientBuilt();
      return pnpmSync(["--filter", "@greenlight/tests", "test:e2e", ...vitestArgs("e2e")]);
    },
  },
  { name: "bench-smoke", run: () => pnpmSync(["bench", "--quick"]) },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = only.filter((name) => !steps.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown test step(s): ${unknown.join(", ")}. Steps: ${steps.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

const outcomes = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const status = step.run();
  outcomes.push({ name: step.name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const outcome of outcomes) {
  const file = join(resultsDir, `${outcome.name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

console.log("\n━━ summary ━━");
for (const o of outcomes) console.log(`${o.ok ? "✔" : "✘"} ${o.name.padEnd(12)} ${o.seconds.toFixed(1)} s`);
const failedSteps = outcomes.filter((o) => !o.ok).map((o) => o.name);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
// Failed steps without per-test counts (check, bench) still count as failures in the closing line.
const stepFailures = failedSteps.filter((name) => !existsSync(join(resultsDir, `${name}.json`))).length;
console.log(`tests: ${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
