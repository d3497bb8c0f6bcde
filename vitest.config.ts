import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    setupFiles: ["test/setup/equality.ts"],
    // Test files run one after another in a worker that stays (no fresh module graph per file): ts-morph, the built
    // CLI and the sources load once per worker, not once per file. Tests that change process state (cwd, exit code,
    // stdout/stderr, Object.prototype, env) put it back.
    isolate: false,
    include: ["generator/**/*.test.ts", "test/**/*.test.ts"],
    // Corpus tests: npm run test:corpus; the packed package: npm run test:package.
    exclude: ["test/corpus/**", "test/package/**", "node_modules/**"],
    testTimeout: 60_000,
    // beforeAll hooks build and type-check outputs too (zod's types take seconds): the 10 s default flakes under load.
    hookTimeout: 60_000,
  },
});
