import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    include: ["generator/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/corpus/**", "test/package/**", "node_modules/**"],
    testTimeout: 60_000,
    // Hooks build and type-check generated output (tsc): on a loaded machine that takes longer than the default 10 s.
    hookTimeout: 60_000,
  },
});
