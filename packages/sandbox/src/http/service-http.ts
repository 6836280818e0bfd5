/**
 * JSON over HTTP to one sandbox app: HTTP Basic when asked, answers validated with zod at the boundary,
 * refusals (RFC 9457 problem+json) turned into SandboxErrors that carry the problem, a dead or silent app
 * into UNREACHABLE. Cookies and CSRF (the portal's browser API) are ./browser-session.ts's job.
 */
import type { z } from "zod";
import { SandboxError, errorFromProblem, type SandboxProblem, type SandboxService } from "../errors.js";
import type { OperatorCredential } from "../config.js";

export interface ServiceHttpOptions {
  service: SandboxService;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Sent when a request asks for `operator: true`. */
  operator?: OperatorCredential;
}

export interface JsonRequest<T> {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  /** What the answer must look like. */
  schema: z.ZodType<T>;
  /** Send the operator credential (HTTP Basic). */
  operator?: boolean;
  headers?: Record<string, string>;
  /** How messages name the call, e.g. "issuing a card". */
  what: string;
}

export interface BytesRequest {
  method?: "GET" | "POST";
  body?: Uint8Array<ArrayBuffer>;
  contentType?: string;
  accept: string;
  what: string;
  headers?: Record<string, string>;
}

export class ServiceHttp {
  readonly baseUrl: string;
  readonly #options: ServiceHttpOptions;

  constructor(options: ServiceHttpOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }

  url(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : this.baseUrl + pathOrUrl;
  }

  async json<T>(path: string, request: JsonRequest<T>): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json, application/problem+json", ...request.headers };
    if (request.operator) headers.authorization = this.#basic();
    if (request.body !== undefined) headers["content-type"] = "application/json";
    const response = await this.send(path, {
      method: request.method ?? (request.body === undefined ? "GET" : "POST"),
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    return readJson(response, request.schema, this.#options.service, request.what);
  }

  async bytes(path: string, request: BytesRequest): Promise<Uint8Array<ArrayBuffer>> {
    const headers: Record<string, string> = { accept: request.accept, ...request.headers };
    if (request.body !== undefined) headers["content-type"] = request.contentType ?? "application/octet-stream";
    const response = await this.send(path, { method: request.method ?? "GET", headers, ...(request.body === undefined ? {} : { body: request.body }) });
    if (!response.ok) throw await refusal(response, this.#options.service, request.what);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** fetch with the timeout; a network failure or timeout is UNREACHABLE. */
  async send(path: string, init: RequestInit): Promise<Response> {
    const url = this.url(path);
    try {
      return await this.#options.fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(this.#options.timeoutMs) });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      const why = timedOut ? `no answer within ${Math.round(this.#options.timeoutMs / 1000)} s` : "not reachable";
      throw new SandboxError("UNREACHABLE", `${this.#options.service} at ${this.baseUrl} is ${why} (${init.method ?? "GET"} ${url}); is the sandbox running (\`npm start\`)?`, {
        cause,
        service: this.#options.service,
      });
    }
  }

  #basic(): string {
    const operator = this.#options.operator;
    if (!operator) throw new SandboxError("INVALID_ARGUMENT", `no operator credential for ${this.#options.service}`);
    return `Basic ${Buffer.from(`${operator.username}:${operator.password}`, "utf8").toString("base64")}`;
  }
}

/** A 2xx answer parsed with `schema`; anything else a SandboxError. */
export async function readJson<T>(response: Response, schema: z.ZodType<T>, service: SandboxService, what: string): Promise<T> {
  if (!response.ok) throw await refusal(response, service, what);
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch (cause) {
    throw new SandboxError("BAD_RESPONSE", `${service} answered ${what} with something that is not JSON`, { cause, service, status: response.status });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new SandboxError("BAD_RESPONSE", `${service} answered ${what} with an unexpected shape: ${parsed.error.message}`, {
      cause: parsed.error,
      service,
      status: response.status,
    });
  }
  return parsed.data;
}

/** The SandboxError for a non-2xx answer, with the problem document when there is one. */
export async function refusal(response: Response, service: SandboxService, what: string): Promise<SandboxError> {
  const text = await response.text().catch(() => "");
  let problem: SandboxProblem | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) problem = parsed as SandboxProblem;
  } catch {
    problem = undefined;
  }
  return errorFromProblem(service, response.status, problem, what);
}
