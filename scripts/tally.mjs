// The closing tally of `pnpm test` (and `pnpm test:repeat`), from each step's exit status and the
// JSON report vitest wrote for it. A step counts what its report says failed, plus:
// - a test file that failed outside any test (did not load, a hook threw): one failure per file;
// - a step that exited non-zero with no failure found in its report (an unhandled error outside
//   the tests, a step without a report such as `check`): one failure.
import { existsSync, readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

/** The first lines of an error message, on one line (enough to name the cause). */
export function brief(message, lines = 3) {
  return stripVTControlCharacters(String(message ?? ""))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, lines)
    .join(" | ")
    .slice(0, 500);
}

/** The parsed JSON report at `file`, or null when the step wrote none (or a broken one). */
export function readReport(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * One step's counts and its failures, each `{ file, test, error }` (`test` null for a failure
 * outside any test). `failed` is the number of failures, so every failure is counted once.
 */
export function tallyStep(report, status) {
  const failures = [];
  const passed = report?.numPassedTests ?? 0;
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  for (const file of report?.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests)
      failures.push({ file: file.name, test: t.fullName, error: brief(t.failureMessages?.[0]) });
    if (file.status === "failed" && failedTests.length === 0)
      failures.push({ file: file.name, test: null, error: brief(file.message) || "failed outside any test" });
  }
  if (status !== 0 && failures.length === 0)
    failures.push({
      file: null,
      test: null,
      error: `exited with ${status} and no failed test in its report (an error outside the tests, or a step without per-test counts)`,
    });
  return { passed, failed: failures.length, skipped, failures };
}

/** Adds up step tallies. */
export function sumTallies(tallies) {
  return tallies.reduce(
    (a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The plain closing line that tools read. */
export function closingLine({ passed, failed, skipped }) {
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** A failure on one line: where, which test, and the cause. */
export function describeFailure(f) {
  const where = f.file ? f.file.replace(/^.*?\/(tests|server|client|embedded-mongo|scripts)\//, "$1/") : "";
  return `${[where, f.test ?? "(outside any test)"].filter(Boolean).join(" > ")}: ${f.error}`;
}
