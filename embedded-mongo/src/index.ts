import { chmodSync, mkdtempSync, rmSync } from "node:fs";
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
  /**
   * Listen on TCP too (default true). The store has no authentication, so any local process can
   * connect to a TCP port; with `tcp: false` and `unixSocket` only the owner of the socket's
   * private directory (mode 0700, socket 0600) can. `uri` is then the socket's direct URI.
   */
  tcp?: boolean;
}

export interface EmbeddedMongo {
  /** Connection string usable by `mongoose.connect` and `new MongoClient`. */
  uri: string;
  /** With `unixSocket`: a direct connection string over the Unix socket (else undefined). */
  socketUri?: string;
  host: string;
  /** The TCP port; 0 with `tcp: false`. */
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
  const tcp = opts.tcp ?? true;
  const wantSocket = opts.unixSocket === true && process.platform !== "win32";
  if (!tcp && !wantSocket) {
    await persistence.close();
    throw new Error("tcp: false needs unixSocket: true on a platform with Unix sockets");
  }
  let port = 0;
  let socketDir: string | null = null;
  try {
    if (tcp) port = await server.listen(opts.port ?? 0, host);
    if (wantSocket) {
      // mkdtemp makes the directory 0700; the socket is narrowed to 0600 as well, so neither the
      // path nor the socket admits another user whatever the umask.
      socketDir = mkdtempSync(join(tmpdir(), "greenlight-store-"));
      const path = join(socketDir, "store.sock");
      await server.listenPath(path);
      chmodSync(path, 0o600);
    }
  } catch (e) {
    await server.close();
    await persistence.close();
    if (socketDir) rmSync(socketDir, { recursive: true, force: true });
    throw e;
  }
  const stopTtl = startTtlMonitor(engine, (msg, meta) => log("info", msg, meta));
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const query = replSet ? `replicaSet=${encodeURIComponent(replSet)}` : "directConnection=true";
  // A direct connection: over the socket the driver cannot match the replica set's TCP host list.
  const socketUri = socketDir
    ? `mongodb://${encodeURIComponent(join(socketDir, "store.sock"))}/?directConnection=true`
    : undefined;
  const uri = tcp ? `mongodb://${hostPart}:${port}/?${query}` : (socketUri as string);
  log("info", "embedded mongo listening", { uri, socketUri: socketUri ?? null, dbPath: opts.dbPath ?? null });
  let closing: Promise<void> | undefined;
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
