// The portal in a real browser (Debian's chromium; Playwright never downloads one) against the real apps:
// jlis and the portal, both built and started ephemeral (in memory, fresh keys) on their own ports. The
// bank is played by the test itself (a registered client with a return URL on E2E.bankOrigin).
import { sandboxBrowserUse } from "@jpki-sandbox/playwright-config";
import { defineConfig } from "@playwright/test";

const JLIS_PORT = Number(process.env.JPKI_PORTAL_E2E_JLIS_PORT ?? 4829);
const PORTAL_PORT = Number(process.env.JPKI_PORTAL_E2E_PORT ?? 4839);
const BANK_PORT = Number(process.env.JPKI_PORTAL_E2E_BANK_PORT ?? 4849);

export const E2E = {
  jlisUrl: `http://127.0.0.1:${JLIS_PORT}`,
  portalUrl: `http://127.0.0.1:${PORTAL_PORT}`,
  bankPort: BANK_PORT,
  bankOrigin: `http://127.0.0.1:${BANK_PORT}`,
  bank: { id: "e2e-bank", secret: "e2e-bank-secret-0123456789" },
  counter: { id: "e2e-counter", secret: "e2e-counter-secret-0123456789" },
};

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.portalUrl,
    ...sandboxBrowserUse(),
  },
  webServer: [
    {
      command: "node ../jlis/dist/main.js",
      url: `${E2E.jlisUrl}/healthz`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        JPKI_JLIS_DATA_DIR: ":memory:",
        JPKI_JLIS_PORT: String(JLIS_PORT),
        JPKI_JLIS_LOG_LEVEL: "warn",
        JPKI_JLIS_COUNTER_ID: E2E.counter.id,
        JPKI_JLIS_COUNTER_SECRET: E2E.counter.secret,
      },
    },
    {
      command: "node dist/main.js",
      url: `${E2E.portalUrl}/healthz`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        JPKI_PORTAL_DATA_DIR: ":memory:",
        JPKI_PORTAL_PORT: String(PORTAL_PORT),
        JPKI_PORTAL_PUBLIC_URL: E2E.portalUrl,
        JPKI_PORTAL_LOG_LEVEL: "warn",
        JPKI_PORTAL_JLIS_URL: E2E.jlisUrl,
        JPKI_PORTAL_JLIS_COUNTER_ID: E2E.counter.id,
        JPKI_PORTAL_JLIS_COUNTER_SECRET: E2E.counter.secret,
        JPKI_PORTAL_DEV_BANK_ID: E2E.bank.id,
        JPKI_PORTAL_DEV_BANK_SECRET: E2E.bank.secret,
        JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: E2E.bankOrigin,
      },
    },
  ],
});
