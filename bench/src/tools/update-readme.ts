/**
 * Refreshes bench/README.md's results table from a results file (for runs made elsewhere, e.g. on
 * an exported snapshot with --out):   tsx src/tools/update-readme.ts [results/latest.json]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_ROOT } from "../lib/proc.js";
import { updateReadme } from "../report/readme.js";
import type { BenchResults } from "../report/types.js";

const file = process.argv[2] ?? join(BENCH_ROOT, "results", "latest.json");
const results = JSON.parse(readFileSync(file, "utf8")) as BenchResults;
if (results.meta.quick) console.log("a --quick run: README left as it is");
else updateReadme(join(BENCH_ROOT, "README.md"), results);
