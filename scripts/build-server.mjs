// `pnpm build:server`: the server compiled to plain JavaScript for production (no tsx at run time).
// esbuild bundles our own code (server, @greenlight/common) per entry point; npm packages stay
// external and are loaded from node_modules as installed. The embedded store is built on its own
// (embedded-mongo/dist), reached through its `greenlight-compiled` export condition, so a
// deployment with MONGODB_URI never loads it. Why esbuild and not tsc: the workspace packages
// export TypeScript sources, which tsc's output would import as is.
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./lib.mjs";

const depsOf = (dir) => {
  const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  return Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith("@greenlight/"));
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  sourcemap: true,
  // type-graphql and mongoose name types and models after classes: bundling must not rename them.
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
  // ESM output still meets CommonJS packages that call require(): give them one.
  banner: {
    js: "import { createRequire as __glCreateRequire } from 'node:module'; const require = __glCreateRequire(import.meta.url);",
  },
};

const serverDist = join(root, "server", "dist");
const storeDist = join(root, "embedded-mongo", "dist");
rmSync(serverDist, { recursive: true, force: true });
rmSync(storeDist, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: {
    main: join(root, "server/src/main.ts"),
    seed: join(root, "server/src/seed/seed.cli.ts"),
    "rotate-key": join(root, "server/src/app/rotate-key.cli.ts"),
  },
  outdir: serverDist,
  tsconfig: join(root, "server/tsconfig.json"),
  external: [...depsOf("server"), "@greenlight/embedded-mongo"],
});
// Read next to the bundle (seed/seed-script.ts: new URL("./pilot.fountain", import.meta.url)).
copyFileSync(join(root, "server/src/seed/pilot.fountain"), join(serverDist, "pilot.fountain"));

await build({
  ...common,
  entryPoints: { index: join(root, "embedded-mongo/src/index.ts") },
  outdir: storeDist,
  tsconfig: join(root, "embedded-mongo/tsconfig.json"),
  external: depsOf("embedded-mongo"),
});
console.log("› Server built: server/dist (main.js, seed.js, rotate-key.js), embedded-mongo/dist");
