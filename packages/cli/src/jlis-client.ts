/**
 * A small typed client for jlis's HTTP API (apps/jlis README "HTTP API"): HTTP Basic auth, JSON in and out,
 * RFC 9457 problem+json turned into one-line errors, and a connection failure turned into "jlis is not
 * reachable" with how to start it. Uses the runtime's fetch.
 */
import { toBytes, type Bytes } from "@jpki-sandbox/jpki-core";
import type { BasicCredential } from "./credentials.js";
import { DEFAULT_JLIS_URL, type CliEnv } from "./env.js";
import { CliError, CliInputError } from "./io.js";

/** Issuance generates nothing on the server's side but signs twice and writes; a minute is generous. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** RFC 9457 problem details as jlis writes them (`code` is jlis's stable extension member). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
}

/** jlis answered with an error status; the message is `<detail> (<code>)`. */
export class JlisProblemError extends CliError {
  override readonly name = "JlisProblemError";
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message: string,
  ) {
    super("JLIS_PROBLEM", message);
  }
}

/** The base URL from --jlis, else JPKI_JLIS_URL, else the default; without a trailing slash. */
export function resolveJlisUrl(flag: string | undefined, env: CliEnv): string {
  const value = flag ?? env.jlisUrl ?? DEFAULT_JLIS_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliInputError(`${flag === undefined ? "JPKI_JLIS_URL" : "--jlis"} is not a URL: ${value}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliInputError(`${flag === undefined ? "JPKI_JLIS_URL" : "--jlis"} must be an http(s) URL: ${value}`);
  }
  return url.href.replace(/\/+$/, "");
}

export interface JlisClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface RequestOptions {
  method?: "GET" | "POST";
  auth?: BasicCredential;
  json?: unknown;
  body?: Bytes;
  contentType?: string;
  accept: string;
}

export class JlisClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: JlisClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** An absolute URL for a path of this jlis (`/clock`), or the URL itself when already absolute. */
  url(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
  }

  async getJson<T>(path: string, auth?: BasicCredential): Promise<T> {
    return parseJson<T>(await this.request(path, { auth, accept: "application/json" }), path);
  }

  async postJson<T>(path: string, body: unknown, auth?: BasicCredential): Promise<T> {
    return parseJson<T>(await this.request(path, { method: "POST", auth, json: body, accept: "application/json" }), path);
  }

  async getBytes(path: string, accept: string): Promise<Bytes> {
    return toBytes(await (await this.request(path, { accept })).arrayBuffer());
  }

  /** POSTs bytes (an OCSP request) to a path of this jlis or to any absolute URL (a certificate's AIA). */
  async postBytes(pathOrUrl: string, body: Bytes, contentType: string, accept: string): Promise<Bytes> {
    const response = await this.request(pathOrUrl, { method: "POST", body, contentType, accept });
    return toBytes(await response.arrayBuffer());
  }

  private async request(pathOrUrl: string, options: RequestOptions): Promise<Response> {
    const url = this.url(pathOrUrl);
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
      response = await this.fetchImpl(url, {
        method: options.method ?? "GET",
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.unreachable(url, error);
    }
    if (!response.ok) throw await problemError(response, options.method ?? "GET", url);
    return response;
  }

  private unreachable(url: string, error: unknown): CliError {
    const target = url.startsWith(`${this.baseUrl}/`) || url === this.baseUrl ? `jlis is not reachable at ${this.baseUrl}` : `${url} is not reachable`;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return new CliError("JLIS_UNREACHABLE", `${target}: no answer within ${Math.round(this.timeoutMs / 1000)} s`, { cause: error });
    }
    const code = networkErrorCode(error);
    return new CliError(
      "JLIS_UNREACHABLE",
      `${target}${code ? ` (${code})` : ""}: start it with \`npm start\` at the repository root, or point --jlis / JPKI_JLIS_URL at a running jlis`,
      { cause: error },
    );
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

async function problemError(response: Response, method: string, url: string): Promise<JlisProblemError> {
  const text = await response.text().catch(() => "");
  let problem: Problem | undefined;
  if (/json/i.test(response.headers.get("content-type") ?? "")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === "object" && parsed !== null) problem = parsed as Problem;
    } catch {
      problem = undefined;
    }
  }
  const what = problem?.detail ?? problem?.title;
  if (what !== undefined && problem?.code !== undefined) {
    return new JlisProblemError(response.status, problem, `${what} (${problem.code})`);
  }
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new JlisProblemError(response.status, problem, `${method} ${url} answered ${status}${what ? `: ${what}` : ""}`);
}

async function parseJson<T>(response: Response, path: string): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new CliError("JLIS_BAD_RESPONSE", `jlis answered ${path} with something that is not JSON`, { cause });
  }
}
