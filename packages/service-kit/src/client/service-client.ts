/**
 * A small JSON-over-HTTP client for calling another sandbox service (jlis, the portal, a bank): HTTP Basic
 * auth, JSON in and out, RFC 9457 problem+json turned into one-line errors, and a connection failure turned
 * into "<service> is not reachable" with how to start it. Uses the runtime's fetch.
 */
import type { Problem } from "../http/problem.js";

/** Issuance at jlis signs twice and writes; a minute is generous for any sandbox call. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface BasicAuth {
  user: string;
  password: string;
}

/** The service answered with an error status; the message is `<detail> (<code>)` when it sent a problem. */
export class ServiceProblemError extends Error {
  override readonly name: string = "ServiceProblemError";
  constructor(
    readonly service: string,
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** No answer: connection refused, unknown host, timeout. */
export class ServiceUnreachableError extends Error {
  override readonly name: string = "ServiceUnreachableError";
  constructor(
    readonly service: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A 2xx answer that is not what was asked for (not JSON). */
export class ServiceBadResponseError extends Error {
  override readonly name: string = "ServiceBadResponseError";
  constructor(
    readonly service: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ServiceClientOptions {
  baseUrl: string;
  /** How messages name the service: "jlis". */
  serviceName: string;
  /** Appended to "not reachable" messages, e.g. "start it with `npm start`". */
  startHint?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface RequestOptions {
  method?: "GET" | "POST";
  auth?: BasicAuth | undefined;
  json?: unknown;
  body?: Uint8Array<ArrayBuffer>;
  contentType?: string;
  accept: string;
}

export class ServiceClient {
  readonly baseUrl: string;
  readonly serviceName: string;
  private readonly startHint: string | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ServiceClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.serviceName = options.serviceName;
    this.startHint = options.startHint;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** An absolute URL for a path of this service (`/clock`), or the URL itself when already absolute. */
  url(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
  }

  async getJson<T>(path: string, auth?: BasicAuth): Promise<T> {
    return this.parseJson<T>(await this.request(path, { auth, accept: "application/json" }), path);
  }

  async postJson<T>(path: string, body: unknown, auth?: BasicAuth): Promise<T> {
    return this.parseJson<T>(await this.request(path, { method: "POST", auth, json: body, accept: "application/json" }), path);
  }

  async getBytes(path: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await (await this.request(path, { accept })).arrayBuffer());
  }

  /** POSTs bytes (an OCSP request) to a path of this service or to any absolute URL (a certificate's AIA). */
  async postBytes(pathOrUrl: string, body: Uint8Array<ArrayBuffer>, contentType: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    const response = await this.request(pathOrUrl, { method: "POST", body, contentType, accept });
    return new Uint8Array(await response.arrayBuffer());
  }

  private async request(pathOrUrl: string, options: RequestOptions): Promise<Response> {
    const url = this.url(pathOrUrl);
    const method = options.method ?? "GET";
    const headers: Record<string, string> = { accept: `${options.accept}, application/problem+json` };
    if (options.auth) {
      const token = Buffer.from(`${options.auth.user}:${options.auth.password}`, "utf8").toString("base64");
      headers.authorization = `Basic ${token}`;
    }
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body) {
      headers["content-type"] = options.contentType ?? "application/octet-stream";
      body = options.body;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.unreachable(url, error);
    }
    if (!response.ok) throw await this.problemError(response, method, url);
    return response;
  }

  private unreachable(url: string, error: unknown): ServiceUnreachableError {
    const ours = url === this.baseUrl || url.startsWith(`${this.baseUrl}/`);
    const target = ours ? `${this.serviceName} is not reachable at ${this.baseUrl}` : `${url} is not reachable`;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return new ServiceUnreachableError(this.serviceName, `${target}: no answer within ${Math.round(this.timeoutMs / 1000)} s`, { cause: error });
    }
    const code = networkErrorCode(error);
    const hint = this.startHint === undefined ? "" : `: ${this.startHint}`;
    return new ServiceUnreachableError(this.serviceName, `${target}${code ? ` (${code})` : ""}${hint}`, { cause: error });
  }

  private async problemError(response: Response, method: string, url: string): Promise<ServiceProblemError> {
    const text = await response.text().catch(() => "");
    let problem: Partial<Problem> | undefined;
    if (/json/i.test(response.headers.get("content-type") ?? "")) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === "object" && parsed !== null) problem = parsed as Partial<Problem>;
      } catch {
        problem = undefined;
      }
    }
    const what = problem?.detail ?? problem?.title;
    if (what !== undefined && problem?.code !== undefined) {
      return new ServiceProblemError(this.serviceName, response.status, problem, `${what} (${problem.code})`);
    }
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return new ServiceProblemError(this.serviceName, response.status, problem, `${method} ${url} answered ${status}${what ? `: ${what}` : ""}`);
  }

  private async parseJson<T>(response: Response, path: string): Promise<T> {
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new ServiceBadResponseError(this.serviceName, `${this.serviceName} answered ${path} with something that is not JSON`, { cause });
    }
  }
}

/** undici reports `fetch failed` with the system error (ECONNREFUSED, ENOTFOUND…) somewhere in its causes. */
export function networkErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== "object" || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = networkErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return networkErrorCode(cause, depth + 1);
}
