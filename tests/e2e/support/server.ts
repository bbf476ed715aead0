import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CLIENT_DIST, SERVER_DIR } from "./paths.js";

export interface RunningServer {
  readonly url: string;
  /** The server process, e.g. to sample its memory. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`tsx src/main.ts`) on port 0 (the kernel picks a free one, so no port is
 * chosen before it is bound) with a throwaway data dir and the built client, and resolves with the
 * URL from its ready line — no polling, no sleeps.
 */
export async function startServer(
  options: { seedDemo?: boolean; mediaDir?: string } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "greenlight-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      CLIENT_DIST,
      SEED_DEMO: options.seedDemo ? "true" : "false",
      LOG_LEVEL: "info",
      MONGODB_URI: "",
      SIGNUP_MAX_PER_IP: "100000", // every test user signs up from loopback
      ...(options.mediaDir ? { MEDIA_DIR: options.mediaDir } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const url = await new Promise<string>((resolve, reject) => {
    // Whole lines, so a URL split across two chunks is never read short.
    for (const stream of [child.stdout, child.stderr])
      if (stream)
        createInterface({ input: stream }).on("line", (line) => {
          if (log.length < 100_000) log += `${line}\n`;
          const m = /ready at (http:\/\/\S+)/.exec(line);
          if (m?.[1]) resolve(m[1].replace(/\/$/, ""));
        });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}\n${log}`)));
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
