/**
 * One error class for the virtual card, its issuer side and the reader, with a closed list of stable codes
 * (tests and the portal rely on the code, never on the message). Modelled on jpki-core's JpkiError.
 */
export const CARD_ERROR_CODES = [
  /** A caller passed something unusable (a bad slot, a KEK that is not 32 bytes, an empty cardId…). */
  "INVALID_ARGUMENT",
  /** The PIN breaks the slot's rules (R: 4 digits; S: 6–16 of 0-9 A-Z). Raised before any try is spent. */
  "PIN_FORMAT",
  /** VERIFY answered `63 Cx`; `triesLeft` says how many tries remain. */
  "PIN_INCORRECT",
  /** VERIFY answered `69 83`: only the municipal counter can reset the PIN (CardIssuer.resetPin). */
  "PIN_BLOCKED",
  /** `69 82`: the PIN guarding the file or key was not verified in this session. */
  "SECURITY_STATUS_NOT_SATISFIED",
  /** The JPKI applet is not on the card (SELECT by AID answered `6A 82`). */
  "APPLET_NOT_FOUND",
  /** SELECT FILE answered `6A 82`. */
  "FILE_NOT_FOUND",
  /** The slot has no key, certificate or PIN yet (or no more): the counter has not personalised it. */
  "NOT_PERSONALISED",
  /** `67 00`, or data too long for the key. */
  "WRONG_LENGTH",
  /** Proof-of-possession signing asked for a slot whose certificate is already written. */
  "CERTIFICATE_ALREADY_WRITTEN",
  /** The certificate or CA certificate is not a DER X.509 certificate of the `30 82 LL LL` form. */
  "CERTIFICATE_MALFORMED",
  /** The certificate does not certify the slot's public key. */
  "CERTIFICATE_KEY_MISMATCH",
  /** The certificate was not issued (signed) by the CA certificate given with it. */
  "CA_CERTIFICATE_MISMATCH",
  /** The card answered something the reader cannot use (a certificate not starting `30 82`, say). */
  "RESPONSE_MALFORMED",
  /** Any other status word; `sw` holds it. */
  "CARD_ERROR",
  /** An exported state that does not have the CardState shape (or whose parts do not fit together). */
  "STATE_MALFORMED",
  /** The state does not authenticate under this key-encryption key: wrong KEK, or tampered. */
  "STATE_DECRYPTION_FAILED",
] as const;

export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

export interface CardErrorOptions {
  cause?: unknown;
  /** The status word that caused it (e.g. 0x6a82), when a card answered. */
  sw?: number;
  /** For PIN_INCORRECT: the tries left after this one. */
  triesLeft?: number;
}

export class CardError extends Error {
  override readonly name = "CardError";
  readonly code: CardErrorCode;
  readonly sw?: number;
  readonly triesLeft?: number;

  constructor(code: CardErrorCode, message: string, options: CardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.sw !== undefined) this.sw = options.sw;
    if (options.triesLeft !== undefined) this.triesLeft = options.triesLeft;
  }
}

export function isCardError(value: unknown, code?: CardErrorCode): value is CardError {
  return value instanceof CardError && (code === undefined || value.code === code);
}
