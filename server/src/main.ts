import "reflect-metadata";
import { connectDatabase } from "./app/database.js";
import { setRuntime } from "./core/runtime.js";
import { createAppServer } from "./app/server.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { seedDemoIfEmpty } from "./seed/seed.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
  const { logger } = setRuntime(config, config.mongodbUri ? "external" : "embedded");
  if (config.isProduction && !config.mongodbUri)
    logger.warn(
      "WARNING: production mode on the EMBEDDED store. It is for development, tests and demos: one " +
        "process only, no authentication, no replication, no point-in-time backups. Set MONGODB_URI " +
        "to a MongoDB replica set for real use (docs/deploy.md).",
    );
  const db = await connectDatabase(config, logger);
  logger.info(`Database (${db.mode}): ${db.uri}`);

  if (config.seedDemo) await seedDemoIfEmpty();

  const app = await createAppServer({ config });
  const url = await app.start(config.port, config.host);
  logger.info(`Greenlight ready at ${url} (GraphQL at /graphql)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down (draining requests)`);
    // A stuck drain must not keep the process alive forever.
    const force = setTimeout(() => {
      logger.error("Shutdown took longer than 10s; exiting.");
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.stop();
      await db.close();
      logger.info("Stopped.");
      process.exit(0);
    } catch (err) {
      logger.error("Shutdown failed", { error: String(err) });
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Greenlight failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
