// How every Playwright config of the sandbox uses Chromium (NOTES.md "Browsers and Playwright"): Debian's
// /usr/bin/chromium (or CHROMIUM_PATH; Playwright never downloads one), no sandbox (root in CI), no lookups of
// Google's hosts, and the settings a Japanese user's browser has. Plain ESM so configs load it without a build.

/** Chromium's command-line switches for tests: nothing phones home, and only loopback resolves. */
export const CHROMIUM_ARGS = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
]);

/** `use: { launchOptions: chromiumLaunchOptions() }`. */
export function chromiumLaunchOptions(env = process.env) {
  const path = env.CHROMIUM_PATH?.trim();
  return { executablePath: path ? path : "/usr/bin/chromium", args: [...CHROMIUM_ARGS] };
}

/**
 * The `use` block every suite shares: Japanese locale and time zone, screenshots and traces kept for failed
 * tests, and Debian's Chromium. Spread it and add the suite's own `baseURL`.
 */
export function sandboxBrowserUse(env = process.env) {
  return {
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(env),
  };
}
