/** RFC 9457 problem details, with the app's stable `code` as an extension member. */
import type { ServerResponse } from "node:http";
import { isJpkiError } from "@jpki-sandbox/jpki-core";
import { ServiceError } from "../errors.js";

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const PROBLEM_TYPE_BASE = "https://jpki-sandbox.invalid/problems/";

const TITLES: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Not permitted",
  VALIDATION_FAILED: "Request body is invalid",
  NOT_FOUND: "Not found",
  INTERNAL: "Internal error",
};

/** A problem for `code` (SCREAMING_SNAKE): type …/problems/<code-kebab>, title from TITLES or the code in words. */
export function problemOf(code: string, status: number, detail?: string, extra?: Record<string, unknown>): Problem {
  return {
    type: PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll("_", "-"),
    title: TITLES[code] ?? code.toLowerCase().replaceAll("_", " "),
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

export interface ProblemOptions {
  /** Names the log an INTERNAL problem points to ("see the jlis log"); default "the service log". */
  service?: string;
}

/** Maps any thrown value to a problem; unknown errors become a 500 without internals in the body. */
export function problemFromError(error: unknown, options: ProblemOptions = {}): Problem {
  if (error instanceof ServiceError) return problemOf(error.code, error.status, error.message, error.details);
  // Bad input that reached jpki-core (malformed DER, CSR, CMS...) is the client's fault.
  if (isJpkiError(error)) return problemOf("BAD_REQUEST", 400, error.message, { jpkiCode: error.code });
  const log = options.service === undefined ? "the service log" : `the ${options.service} log`;
  return problemOf("INTERNAL", 500, `an unexpected error occurred; see ${log}`);
}

/** Writes a problem on a bare node:http response (fast paths without Express, such as OCSP). */
export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, { "content-type": PROBLEM_CONTENT_TYPE, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}
