import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSPECT_FLAG, inspectorUrl } from "./inspector.js";
import { BENCH_ROOT, REPO_ROOT, spawnTs, stopChild, waitForLine } from "./proc.js";
import { StoreProxy } from "./store-proxy.js";

export interface Store {
  port: number;
  pid: number;
  dbPath: string;
  /** A direct URI for the bench's own driver (seeding, store scenario). */
  uri: string;
  /** The V8 inspector's URL, when started with `inspect` (see inspector.ts). */
  inspector?: string;
  stop(): Promise<void>;
}

/** The embedded store as its own process, file-backed (durable), answering as replica set rs0. */
export async function startStore(name = "store", options: { inspect?: boolean } = {}): Promise<Store> {
  const dbPath = mkdtempSync(join(tmpdir(), "greenlight-bench-"));
  const child = spawnTs("src/cli.ts", ["--port", "0", "--dbpath", dbPath, "--replSet", "rs0"], {
    cwd: join(REPO_ROOT, "embedded-mongo"),
    name,
    nodeArgs: options.inspect ? [INSPECT_FLAG] : [],
  });
  const inspector = options.inspect ? inspectorUrl(child) : undefined;
  const uri = await waitForLine(child, /embedded mongo ready: (\S+)/, 60_000, name);
  const port = Number(new URL(uri).port);
  return {
    port,
    pid: child.pid as number,
    dbPath,
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    ...(inspector ? { inspector: await inspector } : {}),
    async stop() {
      await stopChild(child);
      rmSync(dbPath, { recursive: true, force: true });
    },
  };
}

export interface Server {
  name: string;
  url: string;
  wsUrl: string;
  pid: number;
  proxy: StoreProxy;
  child: ChildProcess;
  /** The V8 inspector's URL, when started with `inspect` (see inspector.ts). */
  inspector?: string;
  stop(): Promise<void>;
}

/** The bench's naive baseline server (src/baseline/naive-server.ts), started like the server. */
export const NAIVE_ENTRY = join(BENCH_ROOT, "src/baseline/naive-server.ts");

export interface ServerOptions {
  inspect?: boolean;
  /** The entry to run instead of `server/src/main.ts` (NAIVE_ENTRY). */
  entry?: string;
}

export const JWT_SECRET = "greenlight-bench-secret-0123456789abcdef0123456789";
export const DB_NAME = "greenlight_bench";

/**
 * The real server (`server/src/main.ts`, or `options.entry`) in its own process, talking to the
 * store through a counting proxy of its own (see store-proxy.ts). `directConnection` keeps the driver on the proxy
 * instead of following the replica-set member address the store advertises.
 */
export async function startServer(
  name: string,
  store: Store,
  env: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<Server> {
  const proxy = new StoreProxy(store.port);
  const proxyPort = await proxy.start();
  const s = await spawnServer(
    name,
    { MONGODB_URI: `mongodb://127.0.0.1:${proxyPort}/${DB_NAME}?directConnection=true`, ...env },
    options,
  );
  return {
    ...s,
    proxy,
    async stop() {
      await s.stop();
      await proxy.stop();
    },
  };
}

export interface InProcessServer extends Omit<Server, "proxy"> {
  /** The embedded store's files (DATA_DIR/db), durable as under `pnpm start`. */
  dbPath: string;
}

/** The server as `pnpm start` runs it: no MONGODB_URI, the embedded store in its own process. */
export async function startInProcessServer(
  name: string,
  env: Record<string, string> = {},
  options: { inspect?: boolean } = {},
): Promise<InProcessServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-bench-inproc-"));
  // An empty MONGODB_URI is unset for the server (the orchestrator's own may leak in otherwise).
  const s = await spawnServer(name, { MONGODB_URI: "", DATA_DIR: dataDir, ...env }, options);
  return {
    ...s,
    dbPath: join(dataDir, "db"),
    async stop() {
      await s.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnServer(
  name: string,
  env: Record<string, string>,
  options: ServerOptions,
): Promise<Omit<Server, "proxy">> {
  const nodeArgs: string[] = [];
  // BENCH_CPU_PROF=<dir>: V8 CPU profiles of the servers under test, for flame graphs.
  if (process.env.BENCH_CPU_PROF) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  if (options.inspect) nodeArgs.push(INSPECT_FLAG);
  // Run from server/ either way: its tsconfig (decorators) and relative paths apply to both.
  const child = spawnTs(options.entry ?? "src/main.ts", [], {
    cwd: join(REPO_ROOT, "server"),
    name,
    nodeArgs,
    env: {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      JWT_SECRET,
      LOG_LEVEL: "info",
      // The bench signs up a handful of users and opens thousands of sockets per user.
      WS_MAX_CONNECTIONS_PER_USER: "10000",
      // ... and so their subscriptions' cost (about 5 each here) passes one user's default budget.
      WS_MAX_SUBSCRIPTION_COST_PER_USER: "100000000",
      // Every fixture user signs up from loopback.
      SIGNUP_MAX_PER_IP: "100000",
      ...env,
    },
  });
  const inspector = options.inspect ? inspectorUrl(child) : undefined;
  const url = await waitForLine(child, /ready at (http:\/\/\S+?)\/?(?:\s|$)/, 120_000, name);
  return {
    name,
    url,
    wsUrl: `${url.replace(/^http/, "ws")}/graphql`,
    pid: child.pid as number,
    child,
    ...(inspector ? { inspector: await inspector } : {}),
    stop: () => stopChild(child, 15_000),
  };
}
