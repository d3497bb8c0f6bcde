import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.ts"],
    include: ["generator/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/corpus/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
