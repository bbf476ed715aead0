import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closingLine, tallyStep } from "./tally.mjs";

const dirs = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `pnpm test`'s runner over the fixtures matching `filter`; returns its output and status. */
function runFixture(filter) {
  const dir = mkdtempSync(join(tmpdir(), "greenlight-tally-"));
  dirs.push(dir);
  const r = spawnSync(
    process.execPath,
    [join(import.meta.dirname, "fixtures", "tally-run.mjs"), dir, filter],
    {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("pnpm test's closing line", () => {
  it("counts a suite that throws at import as 1 failed, and names its error", () => {
    const { status, out } = runFixture("throws-at-import");
    expect(status).toBe(1);
    expect(out).toMatch(/^tests: 0 passed, 1 failed, 0 skipped$/m);
    expect(out).toContain("fixture: this suite throws at import");
  });

  it("counts a step that exits non-zero with no failed test (an error outside the tests)", () => {
    const report = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    expect(closingLine(tallyStep(report, 1))).toBe("tests: 3 passed, 1 failed, 0 skipped");
    expect(closingLine(tallyStep(null, 1))).toBe("tests: 0 passed, 1 failed, 0 skipped");
    expect(closingLine(tallyStep(report, 0))).toBe("tests: 3 passed, 0 failed, 0 skipped");
  });

  it("counts each failed test once, and a file failing outside its tests once more", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      numPendingTests: 2,
      testResults: [
        {
          name: "/r/tests/a.test.ts",
          status: "failed",
          message: "",
          assertionResults: [
            { status: "failed", fullName: "a fails", failureMessages: ["AssertionError: x\n  at y"] },
            { status: "passed", fullName: "a passes", failureMessages: [] },
          ],
        },
        {
          name: "/r/tests/b.test.ts",
          status: "failed",
          message: "beforeAll timed out",
          assertionResults: [{ status: "skipped", fullName: "b", failureMessages: [] }],
        },
      ],
    };
    const t = tallyStep(report, 1);
    expect(closingLine(t)).toBe("tests: 1 passed, 2 failed, 2 skipped");
    expect(t.failures.map((f) => [f.test, f.error])).toEqual([
      ["a fails", "AssertionError: x | at y"],
      [null, "beforeAll timed out"],
    ]);
  });
});
