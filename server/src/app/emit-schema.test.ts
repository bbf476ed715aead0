import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const serverRoot = resolve(import.meta.dirname, "../..");

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "src/app/emit-schema.ts", ...args], {
      cwd: serverRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    proc.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    proc.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    proc.on("exit", (code) => done({ code, output }));
  });
}

describe("emit-schema", () => {
  it("writes the sorted schema, passes --check on it, and fails --check on drift with a hint", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "greenlight-schema-")), "schema.graphql");
    expect((await run([`--schema-file=${file}`])).code).toBe(0);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("type Query {");
    expect(written).toContain("scalar DateTime");
    expect((await run(["--check", `--schema-file=${file}`])).code).toBe(0);

    writeFileSync(file, written.replace("health: Health!", "health: Health"));
    const drift = await run(["--check", `--schema-file=${file}`]);
    expect(drift.code).toBe(1);
    expect(drift.output).toMatch(/out of date\. First difference at line \d+/);
    expect(drift.output).toContain("committed:   health: Health");
    expect(drift.output).toContain("emit:schema");
  }, 60_000);
});
