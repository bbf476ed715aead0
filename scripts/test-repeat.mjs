// `pnpm test:repeat --steps integration,e2e --times 20 [--duty 0.5]`: runs the named test steps N
// rounds in a row while a bounded CPU burner keeps every core busy (cpu-burner.mjs), to find
// flakes. Each step's output goes to .data/test-repeat/round-<n>-<step>.log; the console shows one
// line per step and round, each failure with its cause (test name and error), and at the end
// every failure of every round, the rounds run and the closing tally.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startCpuBurner } from "./cpu-burner.mjs";
import { checkNode, ensureInstalled, root } from "./lib.mjs";
import { runStep, selectSteps } from "./steps.mjs";
import { brief, closingLine, describeFailure, sumTallies } from "./tally.mjs";

checkNode();
ensureInstalled();

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "integration,e2e" },
    times: { type: "string", default: "20" },
    duty: { type: "string", default: "0.5" },
  },
});
const times = Number(values.times);
if (!Number.isInteger(times) || times < 1) {
  console.error(`--times must be a positive integer, got '${values.times}'`);
  process.exit(2);
}
const selected = selectSteps(values.steps.split(",").filter(Boolean));
const outDir = join(root, ".data", "test-repeat");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** What vitest printed about errors outside any test (its "Unhandled Errors" block), briefly. */
function unhandledErrors(log) {
  const at = log.search(/Unhandled (Errors?|Rejection)/);
  return at < 0 ? null : brief(log.slice(at), 6);
}

for (const step of selected) if (step.prepare && !step.prepare()) process.exit(1);
const stopBurner = startCpuBurner({ duty: Number(values.duty) });
console.log(
  `› ${times} rounds of ${selected.map((s) => s.name).join(", ")}; CPU burner at ${values.duty} duty on every core`,
);
const runs = [];
let rounds = 0;
try {
  for (let round = 1; round <= times; round++) {
    for (const step of selected) {
      const dir = join(outDir, `round-${round}`);
      mkdirSync(dir, { recursive: true });
      const logFile = join(outDir, `round-${round}-${step.name}.log`);
      const fd = openSync(logFile, "w");
      const run = runStep({ ...step, prepare: undefined }, dir, { stdio: ["ignore", fd, fd] });
      closeSync(fd);
      const failures = run.tally.failures.map((f) => {
        // A failure outside any test: the log says what it was.
        const extra = f.test === null && !f.file ? unhandledErrors(readFileSync(logFile, "utf8")) : null;
        return extra ? { ...f, error: `${f.error}; ${extra}` } : f;
      });
      runs.push({ round, ...run, failures, logFile });
      const mark = run.tally.failed ? "✘" : "✔";
      console.log(
        `${mark} round ${String(round).padStart(2)}/${times} ${step.name.padEnd(12)} ${run.seconds.toFixed(1).padStart(6)} s  ${run.tally.passed} passed, ${run.tally.failed} failed`,
      );
      for (const f of failures) console.log(`    ${describeFailure(f)}\n    log: ${logFile}`);
    }
    rounds = round;
  }
} finally {
  await stopBurner();
}

console.log(`\n━━ repeat summary: ${rounds} of ${times} rounds ━━`);
for (const step of selected) {
  const mine = runs.filter((r) => r.name === step.name);
  const secs = mine.map((r) => r.seconds);
  const failedRounds = mine.filter((r) => r.tally.failed).map((r) => r.round);
  console.log(
    `${step.name.padEnd(12)} ${mine.length - failedRounds.length}/${mine.length} rounds green, ${Math.min(...secs).toFixed(0)}-${Math.max(...secs).toFixed(0)} s per round${failedRounds.length ? `; failed in rounds ${failedRounds.join(", ")}` : ""}`,
  );
}
const failures = runs.flatMap((r) => r.failures.map((f) => ({ ...f, round: r.round, step: r.name })));
if (failures.length) {
  console.log("Failures:");
  for (const f of failures) console.log(`  round ${f.round} ${f.step}: ${describeFailure(f)}`);
}
console.log(closingLine(sumTallies(runs.map((r) => r.tally))));
process.exit(failures.length ? 1 : 0);
