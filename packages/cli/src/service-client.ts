/**
 * The service kit's ServiceClient (HTTP Basic auth, JSON in and out, RFC 9457 problem+json as one-line
 * errors, "<service> is not reachable" with how to start it) with its errors turned into the CLI's own codes,
 * `<SERVICE>_PROBLEM`, `<SERVICE>_UNREACHABLE`, `<SERVICE>_BAD_RESPONSE`, so every command reports every
 * sandbox service the same way. JlisClient and PortalClient are this with a name and a start hint.
 */
import {
  ServiceBadResponseError,
  ServiceClient,
  ServiceProblemError,
  ServiceUnreachableError,
  type Problem,
} from "@jpki-sandbox/service-kit";
import type { BasicCredential } from "./credentials.js";
import { CliError, CliInputError, type CliErrorCode } from "./io.js";

/** The sandbox services the CLI talks to, by the name their messages use. */
export type CliService = "jlis" | "portal";

const ERROR_CODES = {
  jlis: { problem: "JLIS_PROBLEM", unreachable: "JLIS_UNREACHABLE", badResponse: "JLIS_BAD_RESPONSE" },
  portal: { problem: "PORTAL_PROBLEM", unreachable: "PORTAL_UNREACHABLE", badResponse: "PORTAL_BAD_RESPONSE" },
} as const satisfies Record<CliService, Record<string, CliErrorCode>>;

/** The service answered with an error status; the message is `<detail> (<code>)` (the service's code). */
export class CliProblemError extends CliError {
  override readonly name = "CliProblemError";
  constructor(
    readonly service: CliService,
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(ERROR_CODES[service].problem, message, options);
  }
}

/** The service kit's errors as the CLI's, named for `service`; anything else passes through. */
export function cliErrorOf(service: CliService, error: unknown): unknown {
  const codes = ERROR_CODES[service];
  if (error instanceof ServiceProblemError) return new CliProblemError(service, error.status, error.problem, error.message, { cause: error });
  if (error instanceof ServiceUnreachableError) return new CliError(codes.unreachable, error.message, { cause: error.cause ?? error });
  if (error instanceof ServiceBadResponseError) return new CliError(codes.badResponse, error.message, { cause: error.cause ?? error });
  return error;
}

/**
 * A base URL from its flag, else its environment variable, else the default; http(s) only, no trailing slash.
 * `names` say where a bad value came from: `{ flag: "--jlis", env: "JPKI_JLIS_URL" }`.
 */
export function resolveServiceUrl(flag: string | undefined, fromEnv: string | undefined, fallback: string, names: { flag: string; env: string }): string {
  const value = flag ?? fromEnv ?? fallback;
  const from = flag === undefined ? names.env : names.flag;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliInputError(`${from} is not a URL: ${value}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliInputError(`${from} must be an http(s) URL: ${value}`);
  return url.href.replace(/\/+$/, "");
}

export interface CliServiceClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class CliServiceClient extends ServiceClient {
  constructor(
    readonly service: CliService,
    startHint: string,
    options: CliServiceClientOptions,
  ) {
    super({ ...options, serviceName: service, startHint });
  }

  override getJson<T>(path: string, auth?: BasicCredential): Promise<T> {
    return this.asCliErrors(super.getJson<T>(path, auth));
  }

  override postJson<T>(path: string, body: unknown, auth?: BasicCredential): Promise<T> {
    return this.asCliErrors(super.postJson<T>(path, body, auth));
  }

  override getBytes(path: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    return this.asCliErrors(super.getBytes(path, accept));
  }

  /** POSTs bytes (an OCSP request) to a path of this service or to any absolute URL (a certificate's AIA). */
  override postBytes(pathOrUrl: string, body: Uint8Array<ArrayBuffer>, contentType: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    return this.asCliErrors(super.postBytes(pathOrUrl, body, contentType, accept));
  }

  private async asCliErrors<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      throw cliErrorOf(this.service, error);
    }
  }
}
