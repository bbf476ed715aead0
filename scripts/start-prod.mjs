// `pnpm start:prod`: the production build (client and compiled server, built if stale) with
// NODE_ENV=production unless set. No tsx at run time; see docs/deploy.md.
import {
  checkNode,
  ensureClientBuilt,
  ensureInstalled,
  ensureServerBuilt,
  runCompiledServer,
} from "./lib.mjs";

checkNode();
ensureInstalled();
process.env.NODE_ENV ??= "production";
ensureClientBuilt();
ensureServerBuilt();
runCompiledServer();
