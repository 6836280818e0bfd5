// The operator console in a real browser (Debian's chromium; Playwright never downloads one) against the
// real jlis: built, started ephemeral (in memory, fresh keys) on its own port.
import { sandboxBrowserUse } from "@jpki-sandbox/playwright-config";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.JPKI_JLIS_E2E_PORT ?? 4819);
export const E2E = {
  url: `http://127.0.0.1:${PORT}`,
  adminPassword: "e2e-admin-password",
  counterId: "e2e-counter",
  counterSecret: "e2e-counter-secret-0123456789",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.url,
    httpCredentials: { username: "admin", password: E2E.adminPassword },
    ...sandboxBrowserUse(),
  },
  webServer: {
    command: "node dist/main.js",
    url: `${E2E.url}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    env: {
      JPKI_JLIS_DATA_DIR: ":memory:",
      JPKI_JLIS_PORT: String(PORT),
      JPKI_JLIS_LOG_LEVEL: "warn",
      JPKI_JLIS_ADMIN_PASSWORD: E2E.adminPassword,
      JPKI_JLIS_COUNTER_ID: E2E.counterId,
      JPKI_JLIS_COUNTER_SECRET: E2E.counterSecret,
    },
  },
});
