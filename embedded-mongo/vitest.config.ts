import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files start their own servers on free ports; keep parallelism modest on small machines.
    maxWorkers: 2,
  },
});
