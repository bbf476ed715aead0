import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "emdb-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "../src/cli.ts"), ...args],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const uri = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const m = /(mongodb:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    void exited.then(() => reject(new Error(`cli exited: ${err}`)));
  });
  return { child, uri, exited, output: () => ({ out, err }) };
}

describe("pnpm db (cli)", () => {
  it("prints a working URI and exits 0 on SIGTERM", async () => {
    const cli = runCli(["--port", "0", "--dbpath", dir]);
    const uri = await cli.uri;
    const c = new MongoClient(uri);
    await c.db("x").collection("y").insertOne({ a: 1 });
    await c.close();
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output().out).toContain("SIGTERM: closing");
  });

  it("exits 2 with a clear message on a bad flag", async () => {
    const cli = runCli(["--nope"]);
    cli.uri.catch(() => {});
    expect(await cli.exited).toBe(2);
    expect(cli.output().err).toContain("unknown flag '--nope'");
    expect(cli.output().err).toContain("Usage: pnpm db");
  });
});
