import { defineConfig } from "vitest/config";

// Every test runs under both WebCrypto providers jpki-core supports (NOTES.md: keys from one fail in the other).
export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "native", setupFiles: ["./test/use-native-provider.ts"] } },
      { extends: true, test: { name: "peculiar", setupFiles: ["./test/use-peculiar-provider.ts"] } },
    ],
  },
});
