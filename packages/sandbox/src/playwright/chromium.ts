/**
 * How every Playwright config of the sandbox launches Chromium: @jpki-sandbox/playwright-config's, re-exported
 * so a relying party's tests get them with the fixtures.
 */
export { CHROMIUM_ARGS, chromiumLaunchOptions, sandboxBrowserUse } from "@jpki-sandbox/playwright-config";
