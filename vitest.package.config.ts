import { defineConfig } from "vitest/config";

/**
 * The package as users get it (`npm run test:package`, run by .ci/run): packed, installed into a fresh project and
 * run on each supported Node version, and the GitHub Action's steps on a fixture repository. Slower than the unit
 * tests (npm install, several Node versions), so apart from `npm test`.
 */
export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    include: ["test/package/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
