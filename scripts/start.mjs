// `pnpm start`: install if needed, build the client if stale, then run the server
// (embedded MongoDB-compatible store and demo seed when MONGODB_URI is unset).
import { checkNode, ensureClientBuilt, ensureInstalled, pnpmSpawn } from "./lib.mjs";

checkNode();
ensureInstalled();
ensureClientBuilt();
const server = pnpmSpawn(["--filter", "@greenlight/server", "--silent", "start"]);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
