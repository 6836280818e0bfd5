import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    // Generous: a test that makes several PGlite databases takes seconds alone, much longer beside other suites.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
