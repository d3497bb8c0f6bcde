import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    setupFiles: ["test/setup/equality.ts"],
    include: ["generator/**/*.test.ts", "test/**/*.test.ts"],
    // Corpus tests: npm run test:corpus; the packed package: npm run test:package.
    exclude: ["test/corpus/**", "test/package/**", "node_modules/**"],
    testTimeout: 60_000,
    // beforeAll hooks build and type-check outputs too (zod's types take seconds): the 10 s default flakes under load.
    hookTimeout: 60_000,
  },
});
