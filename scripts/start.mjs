// `pnpm start`: install if needed, build the client if stale, then run the server
// (embedded MongoDB-compatible store and demo seed when MONGODB_URI is unset). With
// NODE_ENV=production it runs the compiled server (built if stale), as `pnpm start:prod` does.
import {
  checkNode,
  ensureClientBuilt,
  ensureInstalled,
  ensureServerBuilt,
  pnpmSpawn,
  runCompiledServer,
} from "./lib.mjs";

checkNode();
ensureInstalled();
ensureClientBuilt();
if (process.env.NODE_ENV === "production") {
  ensureServerBuilt();
  runCompiledServer();
} else {
  const server = pnpmSpawn(["--filter", "@greenlight/server", "--silent", "start"]);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
