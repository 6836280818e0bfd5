/**
 * The bank's typed errors: one class, a closed list of stable codes (shared/api-types.ts BankErrorCode), each
 * with its HTTP status. A journey that fails a check ends `rejected` with the same code (RejectionView); the
 * HTTP edge turns errors into RFC 9457 problems (@jpki-sandbox/service-kit). Tests assert the code.
 */
import { ServiceError } from "@jpki-sandbox/service-kit";
import type { BankErrorCode } from "../shared/api-types.js";

export const BANK_ERROR_STATUS: Record<BankErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  CSRF_INVALID: 403,
  UNAUTHENTICATED: 401,
  NOT_LOGGED_IN: 401,
  NOT_FOUND: 404,
  JOURNEY_NOT_FOUND: 404,
  JOURNEY_NOT_PENDING: 409,
  CALLBACK_INVALID: 400,
  APPROVAL_CANCELLED: 409,
  APPROVAL_CODE_REUSED: 409,
  APPROVAL_CODE_INVALID: 400,
  APPROVAL_FAILED: 502,
  SIGNATURE_INVALID: 422,
  DOCUMENT_MISMATCH: 422,
  WRONG_CERTIFICATE_KIND: 422,
  CERTIFICATE_UNTRUSTED: 422,
  CERTIFICATE_EXPIRED: 422,
  CERTIFICATE_NOT_YET_VALID: 422,
  CERTIFICATE_REVOKED: 422,
  OCSP_UNKNOWN: 422,
  OCSP_TRY_LATER: 503,
  OCSP_RESPONSE_INVALID: 502,
  OCSP_UNAVAILABLE: 503,
  CHALLENGE_REPLAYED: 409,
  CHALLENGE_EXPIRED: 410,
  CHALLENGE_UNKNOWN: 404,
  ATTRIBUTES_MISMATCH: 422,
  ALREADY_CUSTOMER: 409,
  CUSTOMER_UNKNOWN: 404,
  CUSTOMER_SUSPENDED: 403,
  LINKAGE_UNAVAILABLE: 503,
  LINKAGE_REFUSED: 502,
  PORTAL_UNAVAILABLE: 503,
  JLIS_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

export interface BankErrorDetails extends Record<string, unknown> {
  fields?: Array<"name" | "dateOfBirth" | "sex" | "address">;
  revocationReason?: string;
}

export class BankError extends ServiceError<BankErrorCode> {
  override readonly name = "BankError";
  constructor(code: BankErrorCode, message: string, options?: { cause?: unknown; details?: BankErrorDetails }) {
    super(code, BANK_ERROR_STATUS[code], message, options);
  }
}

export function isBankError(value: unknown, code?: BankErrorCode): value is BankError {
  return value instanceof BankError && (code === undefined || value.code === code);
}
