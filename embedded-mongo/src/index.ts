import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "./engine/engine.js";
import { startTtlMonitor } from "./engine/ttl.js";
import { WireServer } from "./server/server.js";
import { createPersistence } from "./storage/index.js";

export interface EmbeddedMongoOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default "127.0.0.1". Non-loopback needs `allowPublicBind`. */
  host?: string;
  /** Allow binding a non-loopback interface (there is no authentication). */
  allowPublicBind?: boolean;
  /** null/undefined = in-memory; a directory = durable (journal + snapshots). */
  dbPath?: string | null;
  /** Replica-set name to answer as (default "rs0", so drivers allow change streams); null = standalone. */
  replSet?: string | null;
  /**
   * Test-only commands (`configureFailPoint`), as mongod's `--setParameter enableTestCommands=1`:
   * for driver conformance tests only; leave off anywhere else. Default false.
   */
  enableTestCommands?: boolean;
  logger?: (level: "info" | "warn" | "error", msg: string, meta?: object) => void;
  /**
   * Also listen on a Unix domain socket in a private temp directory (not on Windows), for a
   * client in the same process or machine: `socketUri` then names it. A round trip over it costs
   * less CPU than over loopback TCP (no TCP stack on either side).
   */
  unixSocket?: boolean;
}

export interface EmbeddedMongo {
  /** Connection string usable by `mongoose.connect` and `new MongoClient`. */
  uri: string;
  /** With `unixSocket`: a direct connection string over the Unix socket (else undefined). */
  socketUri?: string;
  host: string;
  port: number;
  /** Close all sockets, cursors and the persistence. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function startEmbeddedMongo(opts: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = opts.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host) && !opts.allowPublicBind) {
    throw new Error(
      `refusing to bind ${host}: the embedded store has no authentication; use 127.0.0.1 or pass allowPublicBind`,
    );
  }
  const log = opts.logger ?? (() => {});
  const replSet = opts.replSet === undefined ? "rs0" : opts.replSet;
  const persistence = createPersistence({
    dbPath: opts.dbPath ?? undefined,
    logger: (msg: string) => log("info", msg),
  });
  const engine = new Engine(persistence);
  await engine.open();
  const server = new WireServer(engine, {
    host,
    replSet,
    log,
    enableTestCommands: opts.enableTestCommands === true,
  });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0, host);
  } catch (e) {
    await persistence.close();
    throw e;
  }
  let socketDir: string | null = null;
  if (opts.unixSocket && process.platform !== "win32") {
    socketDir = mkdtempSync(join(tmpdir(), "greenlight-store-"));
    try {
      await server.listenPath(join(socketDir, "store.sock"));
    } catch (e) {
      await server.close();
      await persistence.close();
      rmSync(socketDir, { recursive: true, force: true });
      throw e;
    }
  }
  const stopTtl = startTtlMonitor(engine, (msg, meta) => log("info", msg, meta));
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const query = replSet ? `replicaSet=${encodeURIComponent(replSet)}` : "directConnection=true";
  const uri = `mongodb://${hostPart}:${port}/?${query}`;
  log("info", "embedded mongo listening", { uri, dbPath: opts.dbPath ?? null });
  let closing: Promise<void> | undefined;
  // A direct connection: over the socket the driver cannot match the replica set's TCP host list.
  const socketUri = socketDir
    ? `mongodb://${encodeURIComponent(join(socketDir, "store.sock"))}/?directConnection=true`
    : undefined;
  return {
    uri,
    ...(socketUri ? { socketUri } : {}),
    host,
    port,
    close: () => {
      stopTtl();
      closing ??= server
        .close()
        .then(() => persistence.close())
        .finally(() => {
          if (socketDir) rmSync(socketDir, { recursive: true, force: true });
        });
      return closing;
    },
  };
}
