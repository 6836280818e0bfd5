import type { z } from "zod";
import { normaliseSerialNumber } from "@jpki-sandbox/jpki-core";
import { JlisError } from "../domain/errors.js";

/** Validates request input at the boundary; failures are VALIDATION_FAILED with zod's issues listed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = "body"): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [where, ...issue.path].join("."), message: issue.message }));
  throw new JlisError("VALIDATION_FAILED", issues.map((i) => `${i.path}: ${i.message}`).join("; "), { details: { issues } });
}

/** A certificate serial from a URL: hex, normalised as jpki-core stores it; anything else is VALIDATION_FAILED. */
export function serialParam(value: string): string {
  // Colons allowed, as openssl prints serials (0E:23:...); at most 20 octets (RFC 5280 §4.1.2.2).
  if (!/^(?:[0-9a-fA-F]{1,2}:)*[0-9a-fA-F]+$/.test(value) || value.replaceAll(":", "").length > 40) {
    throw new JlisError("VALIDATION_FAILED", `not a hexadecimal serial number: ${JSON.stringify(value)}`);
  }
  return normaliseSerialNumber(value);
}
