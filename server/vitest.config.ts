import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds; Node (and so type-graphql, loaded
    // externally) gets the CJS one. Vite must use the same file, or `instanceof GraphQLScalarType`
    // checks fail across the two copies.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    // Each file is its own process: mongoose's default connection and type-graphql's metadata
    // are process-global, so files must not share them.
    pool: "forks",
    // Two cores are shared with other work: at most two test files at a time.
    maxWorkers: 2,
    fileParallelism: true,
    // Limits against a hang, not speed checks: a busy machine (the whole suite on two cores, or
    // other work beside it) made 20 s / 30 s fail tests and server start-ups that were only slow.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    env: { NODE_ENV: "test" },
  },
});
