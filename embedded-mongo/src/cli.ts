import { mkdirSync } from "node:fs";
import { parseArgs, USAGE, UsageError } from "./cli-args.js";
import { startEmbeddedMongo } from "./index.js";

/** `pnpm db`: run the embedded store as a standalone process until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2).filter((a) => a !== "--"));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  mkdirSync(opts.dbPath, { recursive: true });
  const db = await startEmbeddedMongo({
    port: opts.port,
    host: opts.host,
    allowPublicBind: opts.allowPublicBind,
    dbPath: opts.dbPath,
    replSet: opts.replSet,
    enableTestCommands: opts.enableTestCommands,
    logger: (level, msg, meta) => {
      if (level !== "info")
        process.stderr.write(`[${level}] ${msg}${meta ? ` ${JSON.stringify(meta)}` : ""}\n`);
    },
  });
  process.stdout.write(`embedded mongo ready: ${db.uri}\n  data: ${opts.dbPath}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: closing…\n`);
    db.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`error while closing: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
