/**
 * The session/CSRF client of a sandbox server's browser API (same origin with the session cookie): every POST
 * carries the CSRF token of GET {baseUrl}/session in `x-csrf-token`; the session is fetched once and kept, and a
 * CSRF_INVALID answer (an expired or rotated token) refetches it once and retries. Every failure is thrown as an
 * ApiError carrying an RFC 9457 problem (requestJson). The apps build their typed endpoint lists on `get`/`post`.
 */
import { requestJson, type Fetch } from "./http.js";
import { ApiError, type ProblemTexts } from "./problem.js";

/** The problem code the server answers when the CSRF token is missing, expired or not this session's. */
export const CSRF_INVALID = "CSRF_INVALID";

export interface SessionClientOptions {
  /** Where the browser API lives, e.g. "/api". */
  baseUrl: string;
  fetch?: Fetch | undefined;
  /** How the UI names the server in the problems it makes up. */
  texts: ProblemTexts;
}

export interface SessionClient<S extends { csrfToken: string }> {
  /** The session (CSRF token and what else the server tells); fetched once unless `refresh`. */
  session(refresh?: boolean): Promise<S>;
  /** GET {baseUrl}{path}, without a token. */
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** POST {baseUrl}{path} with the session's CSRF token, retried once with a fresh one on CSRF_INVALID. */
  post<T>(path: string, body?: unknown): Promise<T>;
}

export function createSessionClient<S extends { csrfToken: string }>(options: SessionClientOptions): SessionClient<S> {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const texts = options.texts;
  /** The session being fetched or fetched; null before the first and after a failure. */
  let current: Promise<S> | null = null;

  function send<T>(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal | undefined, csrfToken?: string): Promise<T> {
    const headers: Record<string, string> = csrfToken === undefined ? {} : { "x-csrf-token": csrfToken };
    return requestJson<T>(doFetch, base + path, { method, body, signal, headers }, texts);
  }

  function session(refresh = false): Promise<S> {
    if (current === null || refresh) {
      const request = send<S>("GET", "/session", undefined, undefined);
      current = request;
      request.catch(() => {
        if (current === request) current = null;
      });
    }
    return current;
  }

  const get = <T>(path: string, signal?: AbortSignal) => send<T>("GET", path, undefined, signal);

  async function post<T>(path: string, body: unknown = {}): Promise<T> {
    const { csrfToken } = await session();
    try {
      return await send<T>("POST", path, body, undefined, csrfToken);
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.code !== CSRF_INVALID) throw error;
      const fresh = await session(true);
      return send<T>("POST", path, body, undefined, fresh.csrfToken);
    }
  }

  return { session, get, post };
}
