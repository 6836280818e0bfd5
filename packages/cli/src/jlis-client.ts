/**
 * A small typed client for jlis's HTTP API (apps/jlis README "HTTP API"): the CLI's service client named
 * "jlis", so its errors are JLIS_PROBLEM, JLIS_UNREACHABLE and JLIS_BAD_RESPONSE.
 */
import { DEFAULT_JLIS_URL, type CliEnv } from "./env.js";
import { CliServiceClient, resolveServiceUrl, type CliServiceClientOptions } from "./service-client.js";

export { networkErrorCode } from "@jpki-sandbox/service-kit";

/** How to get a jlis when none answers: the end of every JLIS_UNREACHABLE message. */
const START_HINT = "start it with `npm start` at the repository root, or point --jlis / JPKI_JLIS_URL at a running jlis";

/** The base URL from --jlis, else JPKI_JLIS_URL, else the default; without a trailing slash. */
export function resolveJlisUrl(flag: string | undefined, env: CliEnv): string {
  return resolveServiceUrl(flag, env.jlisUrl, DEFAULT_JLIS_URL, { flag: "--jlis", env: "JPKI_JLIS_URL" });
}

export type JlisClientOptions = CliServiceClientOptions;

export class JlisClient extends CliServiceClient {
  constructor(options: JlisClientOptions) {
    super("jlis", START_HINT, options);
  }
}
