import { normaliseSerialNumber } from "@jpki-sandbox/jpki-core";
import { JlisError } from "../domain/errors.js";

/** A certificate serial from a URL: hex, normalised as jpki-core stores it; anything else is VALIDATION_FAILED. */
export function serialParam(value: string): string {
  // Colons allowed, as openssl prints serials (0E:23:...); at most 20 octets (RFC 5280 §4.1.2.2).
  if (!/^(?:[0-9a-fA-F]{1,2}:)*[0-9a-fA-F]+$/.test(value) || value.replaceAll(":", "").length > 40) {
    throw new JlisError("VALIDATION_FAILED", `not a hexadecimal serial number: ${JSON.stringify(value)}`);
  }
  return normaliseSerialNumber(value);
}
