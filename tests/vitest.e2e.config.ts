import { defineConfig } from "vitest/config";

/** Browser end-to-end tests: one real server process and Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/support/build-client.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
