import type { ServerResponse } from "node:http";
import { isJpkiError } from "@jpki-sandbox/jpki-core";
import { JlisError, type JlisErrorCode } from "../domain/errors.js";

/** RFC 9457 problem details, with jlis's stable `code` as an extension member. */
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

const TITLES: Partial<Record<JlisErrorCode, string>> = {
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Not permitted",
  VALIDATION_FAILED: "Request body is invalid",
  NOT_FOUND: "Not found",
  INTERNAL: "Internal error",
};

export function problemOf(code: JlisErrorCode, status: number, detail?: string, extra?: Record<string, unknown>): Problem {
  return {
    type: PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll("_", "-"),
    title: TITLES[code] ?? code.toLowerCase().replaceAll("_", " "),
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

/** Maps any thrown value to a problem; unknown errors become a 500 without internals in the body. */
export function problemFromError(error: unknown): Problem {
  if (error instanceof JlisError) return problemOf(error.code, error.status, error.message, error.details);
  // Bad input that reached jpki-core (malformed DER, CSR, CMS...) is the client's fault.
  if (isJpkiError(error)) return problemOf("BAD_REQUEST", 400, error.message, { jpkiCode: error.code });
  return problemOf("INTERNAL", 500, "an unexpected error occurred; see the jlis log");
}

/** Writes a problem on a bare node:http response (the OCSP fast path has no Express). */
export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, { "content-type": PROBLEM_CONTENT_TYPE, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}
