/**
 * `pnpm seed` (or `pnpm seed --reset`): writes the demo production into the configured database.
 * With the embedded store, stop the server first (its files are locked by the running process).
 */
import "reflect-metadata";
import { connectDatabase } from "../app/database.js";
import { setRuntime } from "../core/runtime.js";
import { ConfigError, loadConfig } from "../config/config.js";
import { seedDemo, seedDemoIfEmpty } from "./seed.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { logger } = setRuntime(config, config.mongodbUri ? "external" : "embedded");
  const db = await connectDatabase(config, logger);
  try {
    const reset = process.argv.includes("--reset");
    const result = reset ? await seedDemo({ reset: true }) : await seedDemoIfEmpty();
    if (!result.seeded) process.stdout.write("Demo data already present (use --reset to recreate it).\n");
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
