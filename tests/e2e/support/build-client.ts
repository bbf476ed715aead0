import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_DIR, CLIENT_DIST } from "./paths.js";

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the client once when `client/dist` is missing or older than its sources. */
export default function setup(): void {
  const index = join(CLIENT_DIST, "index.html");
  const stale = !existsSync(index) || statSync(index).mtimeMs < newest(join(CLIENT_DIR, "src"));
  if (!stale) return;
  // Vitest runs with NODE_ENV=test, which would make Vite emit React's development build.
  const r = spawnSync("pnpm", ["--filter", "@greenlight/client", "build"], {
    stdio: "inherit",
    cwd: CLIENT_DIR,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("client build failed");
}
