import mongoose from "mongoose";
import type { Config } from "../config/config.js";
import type { Logger } from "../core/logger.js";
import { observeStoreCommands } from "./metrics-realtime.js";

export interface Database {
  mode: "embedded" | "external";
  uri: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Override the embedded store's files; null keeps it in memory (tests). */
  dbPath?: string | null;
  /** Database name; tests use a fresh one per file. */
  dbName?: string;
  /**
   * The driver's command monitoring: store latency metrics, and the test harness's write guard
   * listens to it. Default on.
   */
  monitorCommands?: boolean;
}

/**
 * Connects mongoose's default connection (one per process: models are registered on it).
 * Without MONGODB_URI the embedded store runs in-process.
 */
export async function connectDatabase(
  config: Config,
  logger: Logger,
  options: ConnectOptions = {},
): Promise<Database> {
  mongoose.set("strictQuery", true);
  const monitorCommands = options.monitorCommands ?? true;
  if (config.mongodbUri) {
    // A URI without a database name would land in the driver's "test" database.
    const dbName = options.dbName ?? (databaseNameOf(config.mongodbUri) ? undefined : "greenlight");
    await mongoose.connect(config.mongodbUri, { monitorCommands, ...(dbName ? { dbName } : {}) });
    if (monitorCommands) observeStoreCommands(mongoose.connection.getClient());
    return { mode: "external", uri: redact(config.mongodbUri), close: () => mongoose.disconnect() };
  }
  const { startEmbeddedMongo } = await loadEmbeddedStore();
  const dbPath = options.dbPath === undefined ? config.embeddedDbPath : options.dbPath;
  // The store has no authentication, so a TCP port would let any local process (any user) read
  // everything. This process talks to it over a Unix socket in a private directory (0700, socket
  // 0600), which also costs ~12% less CPU per round trip than loopback TCP (bench/README.md, #19).
  // TCP for tools is opt-in (EMBEDDED_STORE_TCP); Windows has no Unix sockets for the driver.
  const tcp = config.embeddedStoreTcp || process.platform === "win32";
  const store = await startEmbeddedMongo({ port: 0, host: "127.0.0.1", dbPath, unixSocket: true, tcp });
  const where = tcp
    ? `${store.uri} (TCP, no authentication: any local process can connect)`
    : "a private Unix socket (no TCP)";
  logger.info(`Embedded store on ${where}${dbPath ? `, files in ${dbPath}` : ", in memory"}`);
  try {
    await mongoose.connect(store.socketUri ?? store.uri, {
      dbName: options.dbName ?? "greenlight",
      monitorCommands,
    });
    if (monitorCommands) observeStoreCommands(mongoose.connection.getClient());
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    mode: "embedded",
    uri: store.uri,
    async close() {
      await mongoose.disconnect();
      await store.close();
    },
  };
}

/** The database named in a connection string's path, if any (`mongodb://h1,h2/name?opts`). */
export function databaseNameOf(uri: string): string | null {
  const m = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, "//***@");
}

/** The embedded store's public API (see embedded-mongo/src/index.ts). */
export interface EmbeddedStore {
  uri: string;
  /** A direct connection over a Unix socket, when asked for and the platform has them. */
  socketUri?: string;
  port: number;
  close(): Promise<void>;
}
export interface EmbeddedStoreModule {
  startEmbeddedMongo(options: {
    port?: number;
    host?: string;
    dbPath?: string | null;
    replSet?: string;
    unixSocket?: boolean;
    tcp?: boolean;
  }): Promise<EmbeddedStore>;
}

/** Loaded lazily: deployments with MONGODB_URI never load the embedded store. */
export async function loadEmbeddedStore(): Promise<EmbeddedStoreModule> {
  // A variable specifier keeps the type checker from requiring the package at compile time.
  const specifier = "@greenlight/embedded-mongo";
  return (await import(specifier)) as EmbeddedStoreModule;
}
