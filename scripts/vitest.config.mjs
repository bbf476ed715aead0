import { defineConfig } from "vitest/config";

/** The root scripts' own tests (the tally of `pnpm test`). Fixtures are not tests: see fixtures/. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["*.test.mjs"],
    testTimeout: 60_000,
  },
});
