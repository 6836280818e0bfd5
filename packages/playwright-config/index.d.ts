/** Chromium's command-line switches for tests: nothing phones home, and only loopback resolves. */
export declare const CHROMIUM_ARGS: readonly string[];

/** `use: { launchOptions: chromiumLaunchOptions() }`: Debian's Chromium (or CHROMIUM_PATH) with CHROMIUM_ARGS. */
export declare function chromiumLaunchOptions(env?: Record<string, string | undefined>): { executablePath: string; args: string[] };

/** The `use` block every suite shares (locale, time zone, failure screenshots and traces, Chromium). */
export declare function sandboxBrowserUse(env?: Record<string, string | undefined>): {
  locale: string;
  timezoneId: string;
  screenshot: "only-on-failure";
  trace: "retain-on-failure";
  launchOptions: { executablePath: string; args: string[] };
};
