/**
 * One error class for all of jpki-core, with a closed list of stable codes (tests and HTTP edges rely on the
 * code, never on the message). The apps map these to RFC 9457 problem+json.
 */
export const JPKI_ERROR_CODES = [
  "INVALID_ARGUMENT",
  "PERSONA_INVALID",
  "PEM_MALFORMED",
  "KEY_MALFORMED",
  "KEY_UNSUPPORTED",
  "CERTIFICATE_MALFORMED",
  "ATTRIBUTES_MALFORMED",
  "SIGNING_CERTIFICATE_NOT_ELIGIBLE",
  "SIGNER_FAILED",
  "CMS_MALFORMED",
  "CMS_CONTENT_MISSING",
  "CMS_SIGNER_CERTIFICATE_MISSING",
  "CMS_DIGEST_MISMATCH",
  "CMS_SIGNATURE_INVALID",
  "CHALLENGE_MALFORMED",
  "CHALLENGE_UNKNOWN",
  "CHALLENGE_EXPIRED",
  "CHALLENGE_REPLAYED",
  "CHALLENGE_SIGNATURE_INVALID",
  "OCSP_REQUEST_MALFORMED",
  "OCSP_RESPONSE_MALFORMED",
  "OCSP_RESPONSE_UNSUCCESSFUL",
  "OCSP_RESPONDER_UNAUTHORIZED",
  "OCSP_RESPONSE_SIGNATURE_INVALID",
  "OCSP_NONCE_MISMATCH",
  "OCSP_CERT_ID_MISMATCH",
  "OCSP_RESPONSE_NOT_CURRENT",
  "CRL_MALFORMED",
  "CRL_SIGNATURE_INVALID",
  "CSR_MALFORMED",
  "CSR_SIGNATURE_INVALID",
  "CSR_KEY_UNSUPPORTED",
  "PATH_UNKNOWN_ISSUER",
  "PATH_BAD_SIGNATURE",
  "PATH_EXPIRED",
  "PATH_NOT_YET_VALID",
  "PATH_WRONG_KIND",
  "PATH_ISSUER_NOT_CA",
] as const;

export type JpkiErrorCode = (typeof JPKI_ERROR_CODES)[number];

export class JpkiError extends Error {
  override readonly name = "JpkiError";
  readonly code: JpkiErrorCode;

  constructor(code: JpkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isJpkiError(value: unknown, code?: JpkiErrorCode): value is JpkiError {
  return value instanceof JpkiError && (code === undefined || value.code === code);
}

/** Runs `parse`, turning anything it throws into a JpkiError with `code` (the original kept as cause). */
export function parseOrThrow<T>(code: JpkiErrorCode, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof JpkiError && cause.code === code) throw cause;
    throw new JpkiError(code, `${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
