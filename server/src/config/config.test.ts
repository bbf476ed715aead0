import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseDuration, REPO_ROOT } from "./config.js";

describe("parseDuration", () => {
  it("reads units and plain seconds", () => {
    expect(parseDuration("12h")).toBe(43_200);
    expect(parseDuration("30m")).toBe(1_800);
    expect(parseDuration("7d")).toBe(604_800);
    expect(parseDuration("45")).toBe(45);
    expect(parseDuration("0")).toBeNull();
    expect(parseDuration("soon")).toBeNull();
  });
});

describe("parseConfig", () => {
  it("shows error details only when asked (pnpm dev), and never in production", () => {
    expect(parseConfig({ NODE_ENV: "development" }).errorDetails).toBe(false);
    expect(parseConfig({ NODE_ENV: "development", ERROR_DETAILS: "true" }).errorDetails).toBe(true);
    expect(
      parseConfig({ NODE_ENV: "production", JWT_SECRET: "p".repeat(40), ERROR_DETAILS: "true" }).errorDetails,
    ).toBe(false);
  });

  it("applies defaults and freezes the result", () => {
    const c = parseConfig({ NODE_ENV: "test" });
    expect(c.port).toBe(4000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.mongodbUri).toBeNull();
    expect(c.embeddedDbPath).toBe(join(c.dataDir, "db"));
    expect(c.limits.maxBodyBytes).toBe(1_048_576);
    expect(c.seedDemo).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.limits)).toBe(true);
  });

  it("names every invalid variable at once, with how to fix it", () => {
    let error: unknown;
    try {
      parseConfig({
        NODE_ENV: "production",
        PORT: "http",
        TOKEN_TTL: "forever",
        SEED_DEMO: "maybe",
        MONGODB_URI: "postgres://x",
        JWT_SECRET: "short",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "TOKEN_TTL", "SEED_DEMO", "MONGODB_URI", "JWT_SECRET"])
      expect(problems).toContain(name);
    expect(problems).toContain("openssl rand -hex 32");
  });

  it("requires a long enough JWT_SECRET in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrow(/at least 32/);
    const c = parseConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(40) });
    expect(c.isProduction).toBe(true);
  });

  it("leaves the signing keys to the database unless JWT_SECRET is set, in every mode", () => {
    for (const NODE_ENV of ["development", "production", "test"]) {
      expect(parseConfig({ NODE_ENV }).jwtSecret).toBeNull();
    }
    const c = parseConfig({
      JWT_SECRET: "a".repeat(32),
      JWT_PREVIOUS_SECRETS: `${"b".repeat(32)}, ${"c".repeat(40)}`,
    });
    expect(c.jwtPreviousSecrets).toHaveLength(2);
    expect(() => parseConfig({ JWT_PREVIOUS_SECRETS: "b".repeat(32) })).toThrow(/needs JWT_SECRET/);
    expect(() => parseConfig({ JWT_SECRET: "a".repeat(32), JWT_PREVIOUS_SECRETS: "short" })).toThrow(
      /JWT_PREVIOUS_SECRETS/,
    );
  });
});

describe(".env.example", () => {
  it("documents every variable config.ts reads", () => {
    const source = readFileSync(join(REPO_ROOT, "server", "src", "config", "config.ts"), "utf8");
    const example = readFileSync(join(REPO_ROOT, ".env.example"), "utf8");
    const read = new Set(
      [...source.matchAll(/r\.(?:int|bool|raw|oneOf|path)\("([A-Z0-9_]+)"/g)].map((m) => m[1]),
    );
    expect(read.size).toBeGreaterThan(15);
    const undocumented = [...read].filter((name) => !new RegExp(`^#? ?${name}=`, "m").test(example));
    expect(undocumented).toEqual([]);
  });
});

describe("config is the only reader of process.env", () => {
  it("no other server source file reads process.env", () => {
    const root = join(REPO_ROOT, "server", "src");
    const offenders = readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== join("config", "config.ts"))
      .filter((f) => /process\.env\b/.test(readFileSync(join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
