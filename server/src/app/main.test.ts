import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/** Boots `src/main.ts` as a real process, as `pnpm start` does. */
const serverRoot = resolve(import.meta.dirname, "../..");
const repoRoot = resolve(serverRoot, "..");
let child: ChildProcess | undefined;

function boot(
  env: Record<string, string>,
  args: readonly string[] = ["--import", "tsx", "src/main.ts"],
): {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const proc = spawn(process.execPath, args, {
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

  it("the compiled build runs without tsx, and production on the embedded store warns", async () => {
    const build = spawnSync(process.execPath, [join(repoRoot, "scripts", "build-server.mjs")], {
      encoding: "utf8",
    });
    expect(build.status, build.stderr).toBe(0);
    const bundle = readFileSync(join(serverRoot, "dist", "main.js"), "utf8");
    expect(bundle).not.toMatch(/from ["']tsx/);
    const { proc, output, exited } = boot(
      {
        NODE_ENV: "production",
        PORT: "0",
        DATA_DIR: mkdtempSync(join(tmpdir(), "greenlight-compiled-")),
        SEED_DEMO: "false",
        LOG_LEVEL: "info",
      },
      // What `pnpm start:prod` and the image run (scripts/lib.mjs COMPILED_NODE_ARGS).
      ["--conditions=greenlight-compiled", "--enable-source-maps", "dist/main.js"],
    );
    const [, url] = await waitForOutput(proc, output, /Greenlight ready at (http:\/\/\S+)/);
    expect(output()).toMatch(/"level":"warn".*production mode on the EMBEDDED store/);
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok database } }" }),
    });
    expect(await res.json()).toEqual({ data: { health: { ok: true, database: "embedded" } } });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 120_000);
});
