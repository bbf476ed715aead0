import { readFileSync, writeFileSync } from "node:fs";
import { renderTargets } from "./markdown.js";
import type { BenchResults } from "./types.js";

/** Pastes a full run's targets table between the README's `results` markers. */
export function updateReadme(file: string, results: BenchResults): void {
  const text = readFileSync(file, "utf8");
  const m = results.meta;
  const block = [
    "<!-- results:start -->",
    `Run ${m.date} on ${m.cpuCount}× ${m.cpuModel}, commit ${m.commit.slice(0, 10)}${m.dirty ? " (+ uncommitted)" : ""}, ` +
      `${m.durationSeconds} s, load average ${m.loadAverageAtStart.join(", ")} at start, ${m.loadAverageAtEnd.join(", ")} at end.`,
    "",
    renderTargets(results),
    "<!-- results:end -->",
  ].join("\n");
  writeFileSync(file, text.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, block));
}
