// `pnpm dev`: the server with file watching, and Vite's dev server with hot reload proxying to it.
import { checkNode, ensureInstalled, pnpmSpawn } from "./lib.mjs";

checkNode();
ensureInstalled();
const children = [
  // Development extras in error responses (stack traces, suggestions) only here, never `pnpm start`.
  pnpmSpawn(["--filter", "@greenlight/server", "--silent", "dev"], {
    env: { ...process.env, ERROR_DETAILS: process.env.ERROR_DETAILS ?? "true" },
  }),
  pnpmSpawn(["--filter", "@greenlight/client", "--silent", "dev"]),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children)
  child.on("exit", (code) => {
    stop("SIGTERM");
    process.exitCode = code ?? 0;
  });
