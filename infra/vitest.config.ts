import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    // docker-compose 1.29 (Python) takes about a second per `config`; the apps' env.ts load zod and the kit.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
