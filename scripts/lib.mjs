// Shared helpers for the root scripts (start, dev, test): run pnpm, keep installs and builds fresh.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Greenlight needs Node.js >= 20.19 (this is ${process.versions.node}).`);
    process.exit(1);
  }
}

/** The pnpm that launched us (npx pnpm@10 or a global one), so nested calls use the same version. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && /\.(c?js|mjs)$/.test(execPath))
    return [process.execPath, [execPath]];
  return ["pnpm", []];
}

export function pnpmSync(args, opts = {}) {
  const [cmd, pre] = pnpmCommand();
  const result = spawnSync(cmd, [...pre, ...args], { stdio: "inherit", cwd: root, ...opts });
  return result.status ?? 1;
}

export function pnpmSpawn(args, opts = {}) {
  const [cmd, pre] = pnpmCommand();
  return spawn(cmd, [...pre, ...args], { stdio: "inherit", cwd: root, ...opts });
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(root, "node_modules", ".modules.yaml");
  const lock = join(root, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log("› Installing dependencies (pnpm install --frozen-lockfile)…");
  if (pnpmSync(["install", "--frozen-lockfile"]) !== 0) {
    console.error("Dependency install failed; see the output above.");
    process.exit(1);
  }
}

/** Builds the web client when its build is missing or older than its sources. */
export function ensureClientBuilt({ force = false } = {}) {
  const index = join(root, "client", "dist", "index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(root, "client", "src")),
    newestMtime(join(root, "client", "public")),
  );
  if (!force && built > sources) return;
  console.log("› Building the web client (vite build)…");
  if (pnpmSync(["--filter", "@greenlight/client", "build"]) !== 0) {
    console.error("The client build failed; see the output above.");
    process.exit(1);
  }
}

/** Compiles the server (scripts/build-server.mjs) when its build is missing or older than the sources. */
export function ensureServerBuilt() {
  const main = join(root, "server", "dist", "main.js");
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  const sources = Math.max(
    ...["server/src", "common/src", "embedded-mongo/src"].map((d) => newestMtime(join(root, d))),
  );
  if (built > sources) return;
  console.log("› Compiling the server (esbuild)…");
  if (
    spawnSync(process.execPath, [join(root, "scripts", "build-server.mjs")], { stdio: "inherit" }).status !==
    0
  ) {
    console.error("The server build failed; see the output above.");
    process.exit(1);
  }
}

/** Node's arguments for the compiled server (the embedded store's compiled entry, source maps). */
export const COMPILED_NODE_ARGS = ["--conditions=greenlight-compiled", "--enable-source-maps"];

/** Runs the compiled server in the foreground, passing signals on; exits with it. */
export function runCompiledServer() {
  const server = spawn(process.execPath, [...COMPILED_NODE_ARGS, join(root, "server", "dist", "main.js")], {
    stdio: "inherit",
    cwd: root,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
