import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    setupFiles: ["test/setup/equality.ts"],
    // Test files run one after another in a worker that stays (no fresh module graph per file): ts-morph, the built
    // CLI and the sources load once per worker, not once per file. Tests that change process state (cwd, exit code,
    // stdout/stderr, Object.prototype, env) put it back.
    isolate: false,
    // vitest's default is one worker less than the cores: one on a 2-core machine. The end-to-end files spend much of
    // their time waiting for child processes, tsc and sleeps, so two files at once on 2 cores finish sooner.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: ["generator/**/*.test.ts", "test/**/*.test.ts"],
    // Corpus tests: npm run test:corpus; the packed package: npm run test:package.
    exclude: ["test/corpus/**", "test/package/**", "node_modules/**"],
    testTimeout: 60_000,
    // beforeAll hooks build and type-check outputs too (zod's types take seconds): the 10 s default flakes under load.
    hookTimeout: 60_000,
  },
});
