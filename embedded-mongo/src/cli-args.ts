import { fileURLToPath } from "node:url";

export interface CliOptions {
  port: number;
  host: string;
  dbPath: string;
  replSet: string | null;
  allowPublicBind: boolean;
  enableTestCommands: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm db [--port N] [--dbpath DIR] [--replSet NAME | --no-replSet] [--host H] [--bind-public] [--enableTestCommands]

  --port N        TCP port (default 27017; 0 = any free port)
  --dbpath DIR    data directory (default <repo>/.data/db)
  --replSet NAME  replica-set name to report (default rs0); --no-replSet answers as a standalone
  --host H        interface to bind (default 127.0.0.1)
  --bind-public   allow a non-loopback --host (there is no authentication)
  --enableTestCommands  allow configureFailPoint (driver conformance tests only)
  --help          show this help`;

/** Thrown for a bad command line; the CLI prints the message and the usage. */
export class UsageError extends Error {}

const DEFAULT_DBPATH = fileURLToPath(new URL("../../.data/db", import.meta.url));

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    port: 27017,
    host: "127.0.0.1",
    dbPath: DEFAULT_DBPATH,
    replSet: "rs0",
    allowPublicBind: false,
    enableTestCommands: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=")
      ? (arg.split(/=(.*)/s, 2) as [string, string])
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--port": {
        const raw = value();
        const p = Number(raw);
        if (!/^\d+$/.test(raw) || p > 65535)
          throw new UsageError(`--port must be an integer 0-65535, got '${raw}'`);
        o.port = p;
        break;
      }
      case "--dbpath":
        o.dbPath = value();
        break;
      case "--replSet":
        o.replSet = value();
        break;
      case "--no-replSet":
        o.replSet = null;
        break;
      case "--host":
      case "--bind_ip":
        o.host = value();
        break;
      case "--bind-public":
        o.allowPublicBind = true;
        break;
      case "--enableTestCommands":
        o.enableTestCommands = true;
        break;
      case "--help":
      case "-h":
        o.help = true;
        break;
      default:
        throw new UsageError(`unknown flag '${arg}'`);
    }
  }
  return o;
}
