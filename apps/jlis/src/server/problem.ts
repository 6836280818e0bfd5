/**
 * jlis's RFC 9457 problems are the service kit's, with `problemOf` narrowed to jlis's closed list of codes.
 */
import { problemOf as serviceProblemOf, type Problem } from "@jpki-sandbox/service-kit";
import type { JlisErrorCode } from "../domain/errors.js";

export const problemOf: (code: JlisErrorCode, status: number, detail?: string, extra?: Record<string, unknown>) => Problem = serviceProblemOf;
