import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/** Boots `src/main.ts` as a real process, as `pnpm start` does. */
const serverRoot = resolve(import.meta.dirname, "../..");
let child: ChildProcess | undefined;

function boot(env: Record<string, string>): {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
  return { proc, output: () => out, exited };
}

/** Resolves with the first match of `pattern` in the process output (an event, not a sleep). */
function waitForOutput(proc: ChildProcess, output: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    const check = () => {
      const m = output().match(pattern);
      if (m) {
        proc.stdout?.off("data", check);
        proc.stderr?.off("data", check);
        resolvePromise(m);
      }
    };
    proc.stdout?.on("data", check);
    proc.stderr?.on("data", check);
    proc.once("exit", (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output()}`)));
    check();
  });
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

describe("main", () => {
  it("starts with the embedded store, serves, and shuts down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "greenlight-main-"));
    const { proc, output, exited } = boot({
      NODE_ENV: "development",
      PORT: "0",
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
    });
    const [, url] = await waitForOutput(
      proc,
      output,
      /Greenlight ready at (http:\/\/\S+) \(GraphQL at \/graphql\)/,
    );
    const health = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok database } }" }),
    });
    expect(await health.json()).toEqual({ data: { health: { ok: true, database: "embedded" } } });
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain("Stopped.");
  }, 60_000);

  it("refuses to start on invalid configuration, naming each variable", async () => {
    const { exited, output } = boot({ NODE_ENV: "production", PORT: "eighty", TOKEN_TTL: "forever" });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/PORT="eighty"/);
    expect(output()).toMatch(/TOKEN_TTL="forever"/);
  }, 60_000);
});
