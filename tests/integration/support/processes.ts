import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/**
 * `node --import tsx` rather than the tsx CLI: the CLI runs the program in a child process, so a
 * SIGKILL (a crash, in these tests) would hit the wrapper and orphan the real server.
 */
const NODE_ARGS = ["--import", "tsx"];

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `greenlight-${prefix}-`));
}

/** Every child still running, killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

/** The command line and environment that make a process listen on `port` (0: the kernel picks). */
export interface Launch {
  args: string[];
  env: Record<string, string>;
}

/** The process could not bind its port: someone else holds it. */
class AddressInUse extends Error {}

/** How long a restart keeps retrying a port that another process holds. */
const ADDRESS_IN_USE_RETRY_MS = 20_000;

/**
 * A child process that listens on a port it reports: `start()` resolves with the port once a line of
 * its output matches `ready` (group 1 is the port). The first start asks for port 0, so no port is
 * picked before the process binds it; later starts (restarts) ask for the port it got, because
 * clients hold that address.
 */
export class Proc {
  child: ChildProcess | null = null;
  output = "";
  /** The port reported by the first start; null until then. */
  port: number | null = null;

  constructor(
    readonly name: string,
    private readonly launch: (port: number) => Launch,
    private readonly ready: RegExp,
    /** tsx picks the tsconfig of its cwd (the server's enables decorators). */
    private readonly cwd: string = REPO,
  ) {}

  async start(timeoutMs = 120_000): Promise<number> {
    if (this.port === null) {
      this.port = await this.spawnOnce(0, timeoutMs);
      return this.port;
    }
    // Between a kill and the restart, anything may bind the freed port (another file's process, or
    // an outgoing connection's local port). Nothing signals that it is free again, so an
    // EADDRINUSE is retried at short intervals for a bounded time, then reported as such.
    const deadline = Date.now() + ADDRESS_IN_USE_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.spawnOnce(this.port, timeoutMs);
      } catch (err) {
        if (!(err instanceof AddressInUse)) throw err;
        if (Date.now() > deadline)
          throw new Error(
            `${this.name} could not restart on port ${this.port}: still in use by another process after ${attempt} attempts over ${ADDRESS_IN_USE_RETRY_MS} ms`,
          );
        console.warn(`${this.name}: port ${this.port} in use at restart (attempt ${attempt}); retrying`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private spawnOnce(port: number, timeoutMs: number): Promise<number> {
    this.output = "";
    const { args, env } = this.launch(port);
    // An empty value unsets the variable (e.g. JWT_SECRET: "" for the database's signing keys).
    const merged = Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined && v !== "");
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
      cwd: this.cwd,
      env: Object.fromEntries(merged),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    running.add(child);
    child.once("exit", () => running.delete(child));
    return new Promise((res, rej) => {
      let settled = false;
      const settle = (err: Error | null, port = 0) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) rej(err);
        else res(port);
      };
      const timer = setTimeout(
        () => settle(new Error(`${this.name} not ready in ${timeoutMs} ms:\n${this.output.slice(-2_000)}`)),
        timeoutMs,
      );
      const keep = (d: Buffer) => {
        this.output += d.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
      // Whole lines only, so a port number split across two chunks is never read short.
      for (const stream of [child.stdout, child.stderr])
        if (stream)
          createInterface({ input: stream }).on("line", (line) => {
            const m = this.ready.exec(line);
            if (m?.[1]) settle(null, Number(m[1]));
          });
      child.once("exit", (code) => {
        const why = `${this.name} exited (${code}) before ready:\n${this.output.slice(-2_000)}`;
        settle(this.output.includes("EADDRINUSE") ? new AddressInUse(why) : new Error(why));
      });
    });
  }

  /** Sends a signal and waits for the exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((res) => child.once("exit", () => res()));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

export interface Cluster {
  store: Proc;
  servers: Proc[];
  urls: string[];
  /** Each server's GraphQL-over-WebSocket endpoint, in `urls` order. */
  wsUrls: string[];
  mongoUri: string;
  stop(): Promise<void>;
}

export const JWT_SECRET = "integration-secret-integration-secret-0123456789";

export function storeProc(dbPath: string): Proc {
  return new Proc(
    "store",
    (port) => ({
      args: ["src/cli.ts", "--port", String(port), "--dbpath", dbPath, "--replSet", "rs0"],
      env: {},
    }),
    /embedded mongo ready: mongodb:\/\/[^/\s]+:(\d+)\//,
    join(REPO, "embedded-mongo"),
  );
}

export function serverProc(
  i: number,
  mongoUri: string,
  dataDir: string,
  env: Record<string, string> = {},
): Proc {
  return new Proc(
    `server${i}`,
    (port) => ({
      args: ["src/main.ts"],
      env: {
        NODE_ENV: "development",
        PORT: String(port),
        HOST: "127.0.0.1",
        MONGODB_URI: mongoUri,
        SEED_DEMO: "false",
        JWT_SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: "info", // the readiness line is logged at info
        WS_MAX_CONNECTIONS_PER_USER: "500",
        SIGNUP_MAX_PER_IP: "100000", // every test user signs up from loopback
        ...env,
      },
    }),
    /Greenlight ready at http:\/\/127\.0\.0\.1:(\d+)\b/,
    join(REPO, "server"),
  );
}

/** One standalone store (replica set rs0, files in a temp dir) and `n` server processes on it. */
export async function startCluster(n = 2, env: Record<string, string> = {}): Promise<Cluster> {
  const dir = tempDir("cluster");
  const store = storeProc(join(dir, "db"));
  const storePort = await store.start();
  const mongoUri = `mongodb://127.0.0.1:${storePort}/greenlight?directConnection=true`;
  const servers = Array.from({ length: n }, (_, i) => serverProc(i, mongoUri, join(dir, `server${i}`), env));
  const ports = await Promise.all(servers.map((s) => s.start()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  return {
    store,
    servers,
    urls,
    wsUrls: urls.map((u) => `${u.replace(/^http/, "ws")}/graphql`),
    mongoUri,
    async stop() {
      await Promise.all(servers.map((s) => s.stop("SIGKILL")));
      await store.stop("SIGTERM");
    },
  };
}
