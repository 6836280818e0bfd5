// The bank in a real browser (Debian's chromium; Playwright never downloads one) against the three real apps,
// each built and started ephemeral (in memory, fresh keys) on its own port: jlis (CAs, OCSP, linkage), the
// citizen portal (counter, card, signing approvals) and the bank itself — the slide's flow end to end.
import { sandboxBrowserUse } from "@jpki-sandbox/playwright-config";
import { defineConfig } from "@playwright/test";

const JLIS_PORT = Number(process.env.JPKI_BANK_E2E_JLIS_PORT ?? 4859);
const PORTAL_PORT = Number(process.env.JPKI_BANK_E2E_PORTAL_PORT ?? 4869);
const BANK_PORT = Number(process.env.JPKI_BANK_E2E_PORT ?? 4879);

export const E2E = {
  jlisUrl: `http://127.0.0.1:${JLIS_PORT}`,
  portalUrl: `http://127.0.0.1:${PORTAL_PORT}`,
  bankUrl: `http://127.0.0.1:${BANK_PORT}`,
  /** The municipal counter, a registered client of jlis (the portal issues cards through it). */
  counter: { id: "e2e-counter", secret: "e2e-counter-secret-0123456789" },
  /** The bank as an accredited verifier at jlis (OCSP is open; linkage is not). */
  verifier: { id: "e2e-bank-verifier", secret: "e2e-bank-verifier-secret-0123456789" },
  /** The bank as a registered client of the portal (signing approvals). */
  bankClient: { id: "e2e-bank", secret: "e2e-bank-secret-0123456789" },
  staff: { username: "staff", password: "e2e-staff-password" },
};

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.bankUrl,
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
        JPKI_JLIS_DEV_VERIFIER_ID: E2E.verifier.id,
        JPKI_JLIS_DEV_VERIFIER_SECRET: E2E.verifier.secret,
      },
    },
    {
      command: "node ../portal/dist/main.js",
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
        JPKI_PORTAL_DEV_BANK_ID: E2E.bankClient.id,
        JPKI_PORTAL_DEV_BANK_SECRET: E2E.bankClient.secret,
        JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: E2E.bankUrl,
      },
    },
    {
      command: "node dist/main.js",
      url: `${E2E.bankUrl}/healthz`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        JPKI_BANK_PORT: String(BANK_PORT),
        JPKI_BANK_PUBLIC_URL: E2E.bankUrl,
        JPKI_BANK_DATA_DIR: ":memory:",
        JPKI_BANK_LOG_LEVEL: "warn",
        JPKI_BANK_JLIS_URL: E2E.jlisUrl,
        JPKI_BANK_JLIS_VERIFIER_ID: E2E.verifier.id,
        JPKI_BANK_JLIS_VERIFIER_SECRET: E2E.verifier.secret,
        JPKI_BANK_PORTAL_URL: E2E.portalUrl,
        JPKI_BANK_PORTAL_CLIENT_ID: E2E.bankClient.id,
        JPKI_BANK_PORTAL_CLIENT_SECRET: E2E.bankClient.secret,
        JPKI_BANK_STAFF_PASSWORD: E2E.staff.password,
      },
    },
  ],
});
