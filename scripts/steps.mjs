// The steps of `pnpm test` and how they are run, shared by test.mjs and test-repeat.mjs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureClientBuilt, pnpmSync } from "./lib.mjs";
import { closingLine, describeFailure, readReport, sumTallies, tallyStep } from "./tally.mjs";

export const vitestArgs = (resultsDir, name) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(resultsDir, `${name}.json`)}`,
];

export function ensureChromium() {
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

/**
 * Every step, in order. `run(resultsDir, spawnOptions)` returns the exit status; a vitest step
 * writes its JSON report to `<resultsDir>/<name>.json`.
 */
export const steps = [
  { name: "check", run: (_dir, o) => pnpmSync(["check"], o) },
  {
    name: "scripts",
    run: (dir, o) =>
      pnpmSync(
        ["exec", "vitest", "run", "--config", "scripts/vitest.config.mjs", ...vitestArgs(dir, "scripts")],
        o,
      ),
  },
  {
    // Rules the server and the client share (timecode, mention handles): common/.
    name: "common",
    run: (dir, o) => pnpmSync(["--filter", "@greenlight/common", "test", ...vitestArgs(dir, "common")], o),
  },
  {
    name: "store",
    run: (dir, o) =>
      pnpmSync(["--filter", "@greenlight/embedded-mongo", "test", ...vitestArgs(dir, "store")], o),
  },
  {
    // MongoDB's unified spec tests, read from ../shared/mongodb-spec; fails only on a test in
    // embedded-mongo/test/spec/expected-passes.txt that no longer passes (skipped with a notice without the folder).
    name: "store-spec",
    run: (_dir, o) => pnpmSync(["--filter", "@greenlight/embedded-mongo", "--silent", "spec"], o),
  },
  {
    name: "server",
    run: (dir, o) => pnpmSync(["--filter", "@greenlight/server", "test", ...vitestArgs(dir, "server")], o),
  },
  {
    name: "client",
    run: (dir, o) => pnpmSync(["--filter", "@greenlight/client", "test", ...vitestArgs(dir, "client")], o),
  },
  {
    name: "integration",
    run: (dir, o) =>
      pnpmSync(["--filter", "@greenlight/tests", "test:integration", ...vitestArgs(dir, "integration")], o),
  },
  {
    name: "e2e",
    prepare: () => {
      if (!ensureChromium()) return false;
      ensureClientBuilt();
      return true;
    },
    run: (dir, o) => pnpmSync(["--filter", "@greenlight/tests", "test:e2e", ...vitestArgs(dir, "e2e")], o),
  },
  { name: "bench-smoke", run: (_dir, o) => pnpmSync(["bench", "--quick"], o) },
];

/** The named steps, or exits with the list of known ones. */
export function selectSteps(names, all = steps) {
  const unknown = names.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length) {
    console.error(`Unknown test step(s): ${unknown.join(", ")}. Steps: ${all.map((s) => s.name).join(", ")}`);
    process.exit(2);
  }
  return names.length ? all.filter((s) => names.includes(s.name)) : all;
}

/** Runs one step; returns its tally, exit status and seconds. */
export function runStep(step, resultsDir, spawnOptions = {}) {
  const started = Date.now();
  const status = step.prepare && !step.prepare() ? 1 : step.run(resultsDir, spawnOptions);
  const tally = tallyStep(readReport(join(resultsDir, `${step.name}.json`)), status);
  return { name: step.name, status, seconds: (Date.now() - started) / 1000, tally };
}

/**
 * Runs the steps in order, all of them even after a failure (one run shows everything), then prints
 * the per-step times, the failures and the closing line. Returns the exit code.
 */
export function runSteps(selected, resultsDir) {
  const outcomes = [];
  for (const step of selected) {
    console.log(`\n━━ ${step.name} ━━`);
    outcomes.push(runStep(step, resultsDir));
  }
  console.log("\n━━ summary ━━");
  for (const o of outcomes) {
    const mark = o.status === 0 && o.tally.failed === 0 ? "✔" : "✘";
    console.log(`${mark} ${o.name.padEnd(12)} ${o.seconds.toFixed(1)} s`);
    for (const f of o.tally.failures) console.log(`    ${describeFailure(f)}`);
  }
  const failedSteps = outcomes.filter((o) => o.status !== 0 || o.tally.failed > 0).map((o) => o.name);
  if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
  console.log(closingLine(sumTallies(outcomes.map((o) => o.tally))));
  return failedSteps.length ? 1 : 0;
}
