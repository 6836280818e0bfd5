/**
 * What jlis refuses in a well-formed OCSPRequest, beyond what `parseOcspRequest` already rejects. Each
 * refusal is answered malformedRequest (RFC 6960 §2.3).
 */
import type { ParsedOcspRequest } from "@jpki-sandbox/jpki-core";

/** RFC 9654 §2.1 (which obsoletes RFC 8954): a nonce has 1 to 128 octets. */
export const MAX_NONCE_OCTETS = 128;

export type OcspRequestRejection = "nonce-length" | "unsupported-critical-extension";

export function rejectionOf(request: ParsedOcspRequest): OcspRequestRejection | undefined {
  if (request.nonce) {
    // nonceValue is the OCTET STRING inside the extnValue (the RFC 8954/9654 form); older clients put the
    // nonce bytes directly in extnValue, which is echoed just the same.
    const length = (request.nonceValue ?? request.nonce).length;
    if (length < 1 || length > MAX_NONCE_OCTETS) return "nonce-length";
  }
  // RFC 6960 §4.4: unrecognised extensions are ignored unless critical; a critical one we do not understand
  // cannot be honoured, so the request is refused rather than answered as if it were not there.
  if (request.otherExtensions.some((extension) => extension.critical)) return "unsupported-critical-extension";
  return undefined;
}
