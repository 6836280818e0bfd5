/**
 * A small typed client for jlis's HTTP API (apps/jlis README "HTTP API"): the service kit's ServiceClient
 * (HTTP Basic auth, JSON in and out, RFC 9457 problem+json as one-line errors, "jlis is not reachable" with
 * how to start it), with its errors turned into the CLI's own codes (JLIS_PROBLEM, JLIS_UNREACHABLE,
 * JLIS_BAD_RESPONSE) so every command reports them the same way.
 */
import {
  ServiceBadResponseError,
  ServiceClient,
  ServiceProblemError,
  ServiceUnreachableError,
  type Problem,
} from "@jpki-sandbox/service-kit";
import type { BasicCredential } from "./credentials.js";
import { DEFAULT_JLIS_URL, type CliEnv } from "./env.js";
import { CliError, CliInputError } from "./io.js";

export { networkErrorCode } from "@jpki-sandbox/service-kit";

/** How to get a jlis when none answers: the end of every JLIS_UNREACHABLE message. */
const START_HINT = "start it with `npm start` at the repository root, or point --jlis / JPKI_JLIS_URL at a running jlis";

/** jlis answered with an error status; the message is `<detail> (<code>)`. */
export class JlisProblemError extends CliError {
  override readonly name = "JlisProblemError";
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("JLIS_PROBLEM", message, options);
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

/** The service kit's errors as the CLI's; anything else passes through. */
function cliErrorOf(error: unknown): unknown {
  if (error instanceof ServiceProblemError) return new JlisProblemError(error.status, error.problem, error.message, { cause: error });
  if (error instanceof ServiceUnreachableError) return new CliError("JLIS_UNREACHABLE", error.message, { cause: error.cause ?? error });
  if (error instanceof ServiceBadResponseError) return new CliError("JLIS_BAD_RESPONSE", error.message, { cause: error.cause ?? error });
  return error;
}

async function asCliErrors<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw cliErrorOf(error);
  }
}

export class JlisClient extends ServiceClient {
  constructor(options: JlisClientOptions) {
    super({ ...options, serviceName: "jlis", startHint: START_HINT });
  }

  override getJson<T>(path: string, auth?: BasicCredential): Promise<T> {
    return asCliErrors(super.getJson<T>(path, auth));
  }

  override postJson<T>(path: string, body: unknown, auth?: BasicCredential): Promise<T> {
    return asCliErrors(super.postJson<T>(path, body, auth));
  }

  override getBytes(path: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    return asCliErrors(super.getBytes(path, accept));
  }

  /** POSTs bytes (an OCSP request) to a path of this jlis or to any absolute URL (a certificate's AIA). */
  override postBytes(pathOrUrl: string, body: Uint8Array<ArrayBuffer>, contentType: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
    return asCliErrors(super.postBytes(pathOrUrl, body, contentType, accept));
  }
}
