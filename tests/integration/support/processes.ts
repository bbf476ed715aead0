import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/**
 * `node --import tsx` rather than the tsx CLI: the CLI runs the program in a child process, so a
 * SIGKILL (a crash, in these tests) would hit the wrapper and orphan the real server.
 */
const NODE_ARGS = ["--import", "tsx"];

/** A free TCP port (bound then released; fine for tests on loopback). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `greenlight-${prefix}-`));
}

/** Every child still running, killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

/** A child process that resolves `ready` when its output contains `readyText`. */
export class Proc {
  child: ChildProcess | null = null;
  output = "";

  constructor(
    readonly name: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
    private readonly readyText: string,
    /** tsx picks the tsconfig of its cwd (the server's enables decorators). */
    private readonly cwd: string = REPO,
  ) {}

  start(timeoutMs = 60_000): Promise<void> {
    this.output = "";
    const child = spawn(process.execPath, [...NODE_ARGS, ...this.args], {
      cwd: this.cwd,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    running.add(child);
    child.once("exit", () => running.delete(child));
    return new Promise((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`${this.name} not ready in ${timeoutMs} ms:\n${this.output.slice(-2_000)}`)),
        timeoutMs,
      );
      const onData = (d: Buffer) => {
        this.output += d.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        if (this.output.includes(this.readyText)) {
          clearTimeout(timer);
          res();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        rej(new Error(`${this.name} exited (${code}) before ready:\n${this.output.slice(-2_000)}`));
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

export function storeProc(port: number, dbPath: string): Proc {
  return new Proc(
    "store",
    ["src/cli.ts", "--port", String(port), "--dbpath", dbPath, "--replSet", "rs0"],
    {},
    "embedded mongo ready",
    join(REPO, "embedded-mongo"),
  );
}

export function serverProc(
  i: number,
  port: number,
  mongoUri: string,
  dataDir: string,
  env: Record<string, string> = {},
): Proc {
  return new Proc(
    `server${i}`,
    ["src/main.ts"],
    {
      NODE_ENV: "development",
      PORT: String(port),
      HOST: "127.0.0.1",
      MONGODB_URI: mongoUri,
      SEED_DEMO: "false",
      JWT_SECRET,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info", // the readiness line is logged at info
      WS_MAX_CONNECTIONS_PER_USER: "500",
      ...env,
    },
    "Greenlight ready at",
    join(REPO, "server"),
  );
}

/** One standalone store (replica set rs0, files in a temp dir) and `n` server processes on it. */
export async function startCluster(n = 2, env: Record<string, string> = {}): Promise<Cluster> {
  const dir = tempDir("cluster");
  const storePort = await freePort();
  const store = storeProc(storePort, join(dir, "db"));
  await store.start();
  const mongoUri = `mongodb://127.0.0.1:${storePort}/greenlight?directConnection=true`;
  const servers: Proc[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    servers.push(serverProc(i, port, mongoUri, join(dir, `server${i}`), env));
    urls.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(servers.map((s) => s.start()));
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
