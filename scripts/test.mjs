// `pnpm test`: every test layer, in order, each in its own process, then one summary (seconds per
// step, each failure with its cause, and the closing `N passed, M failed` line).
// Runs them all even after a failure (so one run shows everything), and exits non-zero if any failed.
//   pnpm test                 everything (checks, scripts, store, server, client, integration, e2e, bench smoke)
//   pnpm test server client   only the named steps
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkNode, ensureInstalled, root } from "./lib.mjs";
import { runSteps, selectSteps } from "./steps.mjs";

checkNode();
ensureInstalled();

const selected = selectSteps(process.argv.slice(2).filter((a) => !a.startsWith("-")));
const resultsDir = join(root, ".data", "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
process.exit(runSteps(selected, resultsDir));
