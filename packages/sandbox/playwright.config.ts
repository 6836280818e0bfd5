// The Playwright fixtures of @jpki-sandbox/sandbox/playwright in Debian's chromium, against a real jlis and
// portal started in process (e2e/global-setup.ts), with a stand-in relying party's return page.
import { defineConfig } from "@playwright/test";
import { sandboxBrowserUse } from "@jpki-sandbox/playwright-config";

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  workers: 1,
  globalSetup: "./e2e/global-setup.ts",
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  outputDir: "test-results",
  use: sandboxBrowserUse(),
});
