/**
 * A scripted browser for API tests: keeps cookies across requests, sends the CSRF token from GET
 * <sessionPath> (`{ csrfToken }`) on every POST, adds `headers` (an Authorization, say) to every request, and
 * never follows redirects (tests look at them). TEST ONLY.
 */
export interface TestBrowser {
  readonly baseUrl: string;
  get(path: string): Promise<Response>;
  post(path: string, json?: unknown, options?: { csrf?: boolean }): Promise<Response>;
  /** The cookies it holds (name → value). */
  cookies(): Map<string, string>;
}

export function createTestBrowser(baseUrl: string, options: { sessionPath?: string; headers?: Record<string, string> } = {}): TestBrowser {
  const sessionPath = options.sessionPath ?? "/api/session";
  const extra = options.headers ?? {};
  const jar = new Map<string, string>();
  let csrfToken: string | undefined;
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const url = (path: string) => (/^https?:/.test(path) ? path : baseUrl + path);
  const get = async (path: string) => remember(await fetch(url(path), { headers: { ...extra, cookie: cookieHeader() }, redirect: "manual" }));
  return {
    baseUrl,
    get,
    async post(path, json, postOptions = {}) {
      if (postOptions.csrf !== false && csrfToken === undefined) {
        csrfToken = ((await (await get(sessionPath)).json()) as { csrfToken: string }).csrfToken;
      }
      return remember(
        await fetch(url(path), {
          method: "POST",
          body: JSON.stringify(json ?? {}),
          redirect: "manual",
          headers: {
            ...extra,
            "content-type": "application/json",
            cookie: cookieHeader(),
            ...(postOptions.csrf !== false && csrfToken ? { "x-csrf-token": csrfToken } : {}),
          },
        }),
      );
    },
    cookies: () => new Map(jar),
  };
}
