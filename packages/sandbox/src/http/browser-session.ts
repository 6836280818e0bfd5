/**
 * The portal's browser API as a person's browser uses it: a session cookie and the CSRF token from
 * `GET /api/session`, sent as `x-csrf-token` on every POST (signed double-submit, apps/portal README
 * "Security choices"). A small cookie jar of its own: the service kit's createTestBrowser is a test helper
 * for the apps' own suites, not a client for other teams.
 */
import { z } from "zod";
import type { ServiceHttp } from "./service-http.js";
import { readJson } from "./service-http.js";

const sessionSchema = z.object({ csrfToken: z.string().min(1), sandboxNow: z.string().optional() }).loose();

export class BrowserSession {
  readonly #http: ServiceHttp;
  readonly #jar = new Map<string, string>();
  #csrfToken: string | undefined;
  /** One session start at a time, so concurrent first POSTs share a cookie and its token. */
  #starting: Promise<void> | undefined;

  constructor(http: ServiceHttp) {
    this.#http = http;
  }

  async get<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
    return readJson(await this.#request("GET", path), schema, "portal", what);
  }

  async post<T>(path: string, body: unknown, schema: z.ZodType<T>, what: string): Promise<T> {
    if (this.#csrfToken === undefined) await this.#startSession();
    let response = await this.#request("POST", path, body);
    if (response.status === 403 && (await csrfRefused(response))) {
      // The portal restarted with another key, or the cookie expired: a new session, once.
      this.#jar.clear();
      this.#csrfToken = undefined;
      await this.#startSession();
      response = await this.#request("POST", path, body);
    }
    return readJson(response, schema, "portal", what);
  }

  #startSession(): Promise<void> {
    this.#starting ??= (async () => {
      try {
        const session = await readJson(await this.#request("GET", "/api/session"), sessionSchema, "portal", "opening a browser session");
        this.#csrfToken = session.csrfToken;
      } finally {
        this.#starting = undefined;
      }
    })();
    return this.#starting;
  }

  async #request(method: "GET" | "POST", path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
    if (this.#jar.size > 0) headers.cookie = [...this.#jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (method === "POST") {
      headers["content-type"] = "application/json";
      if (this.#csrfToken) headers["x-csrf-token"] = this.#csrfToken;
    }
    const response = await this.#http.send(path, { method, headers, ...(method === "POST" ? { body: JSON.stringify(body ?? {}) } : {}) });
    this.#remember(response);
    return response;
  }

  #remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.#jar.delete(name);
      else this.#jar.set(name, value);
    }
  }
}

async function csrfRefused(response: Response): Promise<boolean> {
  try {
    return ((await response.clone().json()) as { code?: unknown }).code === "CSRF_INVALID";
  } catch {
    return false;
  }
}
