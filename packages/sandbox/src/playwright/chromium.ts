/**
 * How every Playwright config of the sandbox launches Chromium (NOTES.md "Browsers and Playwright"): Debian's
 * /usr/bin/chromium (or CHROMIUM_PATH), no sandbox (root in CI), and no lookups of Google's hosts.
 */
import { chromiumPath, type EnvSource } from "../config.js";

export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
]);

/** `use: { launchOptions: chromiumLaunchOptions() }` in a playwright.config.ts. */
export function chromiumLaunchOptions(env?: EnvSource): { executablePath: string; args: string[] } {
  return { executablePath: chromiumPath(env), args: [...CHROMIUM_ARGS] };
}
