import { defineConfig } from "vitest/config";

/** Tests against the real corpora in ../shared/corpora (run by .ci/run after the unit tests). */
export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    include: ["test/corpus/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // One corpus at a time: each test already uses every core.
    fileParallelism: false,
  },
});
