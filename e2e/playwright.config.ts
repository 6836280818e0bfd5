// The whole sandbox in a real browser (Debian's chromium; Playwright never downloads one): jlis, the portal and
// the bank built and started ephemeral (in memory, fresh CA keys) on their own ports, wired to each other as
// `npm start` wires them, with known TEST ONLY credentials so the tests can reach the operator APIs (clock,
// chaos, revocation) through packages/sandbox. Traces and screenshots are kept for failed tests.
import { sandboxBrowserUse } from "@jpki-sandbox/playwright-config";
import { defineConfig } from "@playwright/test";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const JLIS_PORT = port("JPKI_E2E_JLIS_PORT", 4910);
const BANK_PORT = port("JPKI_E2E_BANK_PORT", 4920);
const PORTAL_PORT = port("JPKI_E2E_PORTAL_PORT", 4930);

/** Where the apps listen and the credentials they were started with (TEST ONLY values). */
export const E2E = {
  jlisUrl: `http://127.0.0.1:${JLIS_PORT}`,
  bankUrl: `http://127.0.0.1:${BANK_PORT}`,
  portalUrl: `http://127.0.0.1:${PORTAL_PORT}`,
  jlisAdminPassword: "e2e-jlis-admin",
  portalAdminPassword: "e2e-portal-admin",
  staff: { username: "staff", password: "e2e-staff-password" },
  counter: { id: "e2e-counter", secret: "e2e-counter-secret-0123456789" },
  verifier: { id: "e2e-bank-verifier", secret: "e2e-bank-verifier-secret-0123456789" },
  bankClient: { id: "e2e-bank", secret: "e2e-bank-secret-0123456789" },
} as const;

// packages/sandbox's fixtures connect with these.
process.env.JPKI_SANDBOX_JLIS_URL = E2E.jlisUrl;
process.env.JPKI_SANDBOX_PORTAL_URL = E2E.portalUrl;
process.env.JPKI_SANDBOX_BANK_URL = E2E.bankUrl;
process.env.JPKI_SANDBOX_JLIS_ADMIN_PASSWORD = E2E.jlisAdminPassword;
process.env.JPKI_SANDBOX_PORTAL_ADMIN_PASSWORD = E2E.portalAdminPassword;

const server = (command: string, url: string, env: Record<string, string>) => ({
  command,
  url: `${url}/healthz`,
  reuseExistingServer: false,
  timeout: 90_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env,
});

export default defineConfig({
  testDir: "tests",
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // One sandbox, one sandbox clock and one set of chaos knobs: the journeys run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.bankUrl,
    ...sandboxBrowserUse(),
    viewport: { width: 1280, height: 900 },
  },
  webServer: [
    server("node ../apps/jlis/dist/main.js", E2E.jlisUrl, {
      JPKI_JLIS_DATA_DIR: ":memory:",
      JPKI_JLIS_PORT: String(JLIS_PORT),
      JPKI_JLIS_PUBLIC_URL: E2E.jlisUrl,
      JPKI_JLIS_LOG_LEVEL: "warn",
      JPKI_JLIS_ADMIN_PASSWORD: E2E.jlisAdminPassword,
      JPKI_JLIS_COUNTER_ID: E2E.counter.id,
      JPKI_JLIS_COUNTER_SECRET: E2E.counter.secret,
      JPKI_JLIS_DEV_VERIFIER_ID: E2E.verifier.id,
      JPKI_JLIS_DEV_VERIFIER_SECRET: E2E.verifier.secret,
    }),
    server("node ../apps/portal/dist/main.js", E2E.portalUrl, {
      JPKI_PORTAL_DATA_DIR: ":memory:",
      JPKI_PORTAL_PORT: String(PORTAL_PORT),
      JPKI_PORTAL_PUBLIC_URL: E2E.portalUrl,
      JPKI_PORTAL_LOG_LEVEL: "warn",
      JPKI_PORTAL_ADMIN_PASSWORD: E2E.portalAdminPassword,
      JPKI_PORTAL_JLIS_URL: E2E.jlisUrl,
      JPKI_PORTAL_JLIS_COUNTER_ID: E2E.counter.id,
      JPKI_PORTAL_JLIS_COUNTER_SECRET: E2E.counter.secret,
      JPKI_PORTAL_DEV_BANK_ID: E2E.bankClient.id,
      JPKI_PORTAL_DEV_BANK_SECRET: E2E.bankClient.secret,
      JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: E2E.bankUrl,
    }),
    server("node ../apps/bank/dist/main.js", E2E.bankUrl, {
      JPKI_BANK_DATA_DIR: ":memory:",
      JPKI_BANK_PORT: String(BANK_PORT),
      JPKI_BANK_PUBLIC_URL: E2E.bankUrl,
      JPKI_BANK_LOG_LEVEL: "warn",
      JPKI_BANK_JLIS_URL: E2E.jlisUrl,
      JPKI_BANK_JLIS_VERIFIER_ID: E2E.verifier.id,
      JPKI_BANK_JLIS_VERIFIER_SECRET: E2E.verifier.secret,
      JPKI_BANK_PORTAL_URL: E2E.portalUrl,
      JPKI_BANK_PORTAL_CLIENT_ID: E2E.bankClient.id,
      JPKI_BANK_PORTAL_CLIENT_SECRET: E2E.bankClient.secret,
      JPKI_BANK_STAFF_PASSWORD: E2E.staff.password,
      // Fast retries for the tryLater journey; the policy (2 retries, doubling) is the documented default.
      JPKI_BANK_OCSP_RETRY_DELAY_MS: "100",
    }),
  ],
});
