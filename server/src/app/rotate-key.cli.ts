/**
 * `pnpm rotate-key`: adds a new token signing key to the database keyring (JWT_SECRET unset).
 * Tokens signed with the old key stay valid until they expire; every process signs with the new
 * key within a minute. With the embedded store in-process, stop the server first.
 */
import "reflect-metadata";
import { EnvKeyRotationError, rotateSigningKey } from "../auth/signing-keys.js";
import { ConfigError, loadConfig } from "../config/config.js";
import { setRuntime } from "../core/runtime.js";
import { connectDatabase } from "./database.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const { logger } = setRuntime(config, config.mongodbUri ? "external" : "embedded");
  const db = await connectDatabase(config, logger);
  try {
    const { kid, dropped } = await rotateSigningKey();
    const gone = dropped.length ? `; dropped expired keys ${dropped.join(", ")}` : "";
    process.stdout.write(`New signing key ${kid}${gone}.\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof EnvKeyRotationError;
  process.stderr.write(
    `${known || !(err instanceof Error) ? String(err instanceof Error ? err.message : err) : err.stack}\n`,
  );
  process.exit(1);
});
