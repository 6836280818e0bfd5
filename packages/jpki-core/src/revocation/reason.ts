/**
 * Revocation reasons (RFC 5280 §5.3.1 CRLReason), limited to the four JPKI uses (JPKI.md "Revocation and
 * status"): every revocation carries one of them, and certificateHold is never used (revocation is final).
 */
import { JpkiError } from "../errors.js";

/** RFC 5280 CRLReason values JPKI uses, with their numeric codes. */
export const REVOCATION_REASON_CODES = {
  /** card lost or stolen (紛失・盗難) */
  keyCompromise: 1,
  /** one of the four attributes changed (S only; 基本4情報の変更) */
  affiliationChanged: 3,
  /** renewal (更新) */
  superseded: 4,
  /** death, loss of residence, or the holder's own request (a sandbox choice) */
  cessationOfOperation: 5,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASON_CODES;

export const REVOCATION_REASONS = Object.keys(REVOCATION_REASON_CODES) as readonly RevocationReason[];

/** Every RFC 5280 CRLReason name by code (7 is unassigned), for messages about reasons JPKI never writes. */
const RFC5280_REASON_NAMES: Readonly<Record<number, string>> = {
  0: "unspecified",
  1: "keyCompromise",
  2: "cACompromise",
  3: "affiliationChanged",
  4: "superseded",
  5: "cessationOfOperation",
  6: "certificateHold",
  8: "removeFromCRL",
  9: "privilegeWithdrawn",
  10: "aACompromise",
};

const BY_CODE = new Map<number, RevocationReason>(
  REVOCATION_REASONS.map((reason) => [REVOCATION_REASON_CODES[reason], reason]),
);

export function revocationReasonCode(reason: RevocationReason): number {
  const code = REVOCATION_REASON_CODES[reason];
  if (code === undefined) throw new JpkiError("INVALID_ARGUMENT", `not a JPKI revocation reason: ${String(reason)}`);
  return code;
}

/**
 * The JPKI reason for an RFC 5280 code, or `undefined` for any other code (unspecified, cACompromise,
 * certificateHold, …, or a number outside CRLReason). Parsers use this lenient form and keep the raw code
 * beside it, so a response or CRL from another implementation still parses; a caller that must insist on a
 * JPKI reason uses `parseRevocationReasonCode`.
 */
export function revocationReasonFromCode(code: number): RevocationReason | undefined {
  return BY_CODE.get(code);
}

/** Strict form: any code JPKI does not use is INVALID_ARGUMENT. */
export function parseRevocationReasonCode(code: number): RevocationReason {
  const reason = BY_CODE.get(code);
  if (reason) return reason;
  const name = RFC5280_REASON_NAMES[code];
  throw new JpkiError(
    "INVALID_ARGUMENT",
    name ? `CRLReason ${code} (${name}) is not used by JPKI` : `not an RFC 5280 CRLReason code: ${code}`,
  );
}

/** Validates a reason name from untrusted input (an admin API, a config file). */
export function parseRevocationReason(name: string): RevocationReason {
  if (Object.hasOwn(REVOCATION_REASON_CODES, name)) return name as RevocationReason;
  throw new JpkiError("INVALID_ARGUMENT", `not a JPKI revocation reason: ${name}`);
}

/** The RFC 5280 name of any CRLReason code (e.g. for logs), or `undefined` if the code is not assigned. */
export function crlReasonName(code: number): string | undefined {
  return RFC5280_REASON_NAMES[code];
}
