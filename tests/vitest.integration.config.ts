import { defineConfig } from "vitest/config";

/** Multi-process integration tests: each file boots its own store and server processes. */
export default defineConfig({
  test: {
    include: ["integration/**/*.int.test.ts"],
    pool: "forks",
    // The machine's two cores are shared: one file at a time (each starts 3 processes).
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
