/**
 * `@jpki-sandbox/sandbox/playwright`: Playwright fixtures for a relying party's browser tests against the
 * sandbox. `sandbox` is a connected client (`test.use({ sandboxOptions })`), `citizen` a fresh resident with
 * a card per test (a synthetic one unless `test.use({ citizenOptions: { persona: "hanako" } })`), `portal`
 * the page helpers bound to the sandbox's portal. TEST ONLY.
 */
import { test as base } from "@playwright/test";
import type { Page } from "@playwright/test";
import type { SandboxOptions } from "../config.js";
import { connectSandbox, type Citizen, type CreateCitizenOptions, type Sandbox } from "../sandbox.js";
import { approveAtPortal, cancelAtPortal, issueCardAtCounter, type ApproveAtPortalOptions, type IssueAtCounterOptions } from "./portal-pages.js";

export { expect } from "@playwright/test";
export { CHROMIUM_ARGS, chromiumLaunchOptions, sandboxBrowserUse } from "./chromium.js";
export { approveAtPortal, cancelAtPortal, issueCardAtCounter, type ApproveAtPortalOptions, type IssueAtCounterOptions } from "./portal-pages.js";

/** The page helpers with the sandbox's portal URL filled in. */
export interface PortalPage {
  readonly url: string;
  issueCardAtCounter(page: Page, options?: Omit<IssueAtCounterOptions, "portalUrl">): Promise<string>;
  approveAtPortal(page: Page, options: ApproveAtPortalOptions): Promise<string>;
  cancelAtPortal(page: Page): Promise<string>;
}

export interface SandboxFixtures {
  /** Options for connectSandbox (URLs, operator passwords); default the environment's. */
  sandboxOptions: SandboxOptions;
  /** Who `citizen` is; default a fresh synthetic resident with the sandbox's PINs. */
  citizenOptions: CreateCitizenOptions;
  sandbox: Sandbox;
  citizen: Citizen;
  portal: PortalPage;
}

export const test = base.extend<SandboxFixtures>({
  sandboxOptions: [{}, { option: true }],
  citizenOptions: [{}, { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    await use(connectSandbox(sandboxOptions));
  },
  citizen: async ({ sandbox, citizenOptions }, use) => {
    await use(await sandbox.createCitizen(citizenOptions));
  },
  portal: async ({ sandbox }, use) => {
    await use({
      url: sandbox.portalUrl,
      issueCardAtCounter: (page, options = {}) => issueCardAtCounter(page, { ...options, portalUrl: sandbox.portalUrl }),
      approveAtPortal,
      cancelAtPortal: (page) => cancelAtPortal(page),
    });
  },
});
