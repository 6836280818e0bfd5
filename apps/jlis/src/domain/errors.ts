/**
 * jlis's typed errors: one class, a closed list of stable codes. The HTTP edge maps each code to a status
 * and an RFC 9457 problem document (the service kit's problemFromError); tests assert the code, never the
 * message.
 */
import { ServiceError } from "@jpki-sandbox/service-kit";

export const JLIS_ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  CSR_INVALID: 400,
  PROOF_OF_POSSESSION_FAILED: 400,
  CONSENT_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RESIDENT_NOT_FOUND: 404,
  CARD_NOT_FOUND: 404,
  CERTIFICATE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CARD_NOT_ACTIVE: 409,
  RESIDENT_HAS_ACTIVE_CARD: 409,
  KEY_REUSED: 409,
  RESIDENT_DECEASED: 409,
  CERTIFICATE_ALREADY_REVOKED: 409,
  SIGNING_CERTIFICATE_NOT_ELIGIBLE: 409,
  NO_CURRENT_CERTIFICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LINKAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type JlisErrorCode = keyof typeof JLIS_ERROR_STATUS;

export class JlisError extends ServiceError<JlisErrorCode> {
  override readonly name = "JlisError";
  constructor(code: JlisErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(code, JLIS_ERROR_STATUS[code], message, options);
  }
}

export function isJlisError(value: unknown, code?: JlisErrorCode): value is JlisError {
  return value instanceof JlisError && (code === undefined || value.code === code);
}
