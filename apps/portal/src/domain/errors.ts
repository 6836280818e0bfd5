/**
 * The portal's typed errors: one class, a closed list of stable codes, each with its HTTP status. The HTTP
 * edge turns them into RFC 9457 problem documents (@jpki-sandbox/service-kit); tests assert the code.
 */
import { ServiceError } from "@jpki-sandbox/service-kit";

export const PORTAL_ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  PIN_FORMAT: 400,
  RETURN_URL_NOT_ALLOWED: 400,
  APPROVAL_CODE_INVALID: 400,
  APPROVAL_CODE_EXPIRED: 400,
  APPROVAL_CODE_REUSED: 400,
  APPROVAL_STATE_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  /** The card refused the PIN; `triesLeft` says how many attempts remain. */
  PIN_INCORRECT: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CARD_NOT_FOUND: 404,
  APPROVAL_NOT_FOUND: 404,
  /** No APDU session (card reader): never opened, closed, or idle past the timeout. */
  APDU_SESSION_NOT_FOUND: 404,
  /** The APDU session ended under the reader: another session took the card, or the card changed elsewhere. */
  APDU_SESSION_ENDED: 409,
  CARD_NOT_USABLE: 409,
  CARD_LACKS_CERTIFICATE: 409,
  /** Locked after too many wrong PINs; only the municipal counter resets it (JPKI.md "The card"). */
  PIN_BLOCKED: 423,
  APPROVAL_NOT_PENDING: 409,
  APPROVAL_EXPIRED: 410,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** jlis refused or failed a counter request; `jlisCode` carries jlis's own code. */
  JLIS_REFUSED: 409,
  JLIS_UNAVAILABLE: 503,
  /** The card's stored state cannot be opened (another card key, or damaged). */
  CARD_STATE_UNREADABLE: 500,
  INTERNAL: 500,
} as const;

export type PortalErrorCode = keyof typeof PORTAL_ERROR_STATUS;

export class PortalError extends ServiceError<PortalErrorCode> {
  override readonly name = "PortalError";
  constructor(code: PortalErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(code, PORTAL_ERROR_STATUS[code], message, options);
  }
}

export function isPortalError(value: unknown, code?: PortalErrorCode): value is PortalError {
  return value instanceof PortalError && (code === undefined || value.code === code);
}
