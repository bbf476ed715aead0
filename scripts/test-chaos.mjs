// `pnpm test:chaos [--rounds 100] [--seed N]`: the chaos test (tests/integration/chaos.int.test.ts)
// alone, with more rounds than CI's 10. Each round SIGKILLs a server process or the store while
// writers are mid-request and restarts it; the invariants are checked at the end.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkNode, ensureInstalled, root } from "./lib.mjs";

checkNode();
ensureInstalled();
const { values } = parseArgs({
  options: { rounds: { type: "string", default: "10" }, seed: { type: "string" } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds must be a positive integer, got '${values.rounds}'`);
  process.exit(2);
}
const env = {
  ...process.env,
  CHAOS_ROUNDS: String(rounds),
  ...(values.seed ? { CHAOS_SEED: values.seed } : {}),
};
const result = spawnSync(
  "pnpm",
  ["exec", "vitest", "run", "--config", "vitest.integration.config.ts", "integration/chaos.int.test.ts"],
  { cwd: join(root, "tests"), env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
