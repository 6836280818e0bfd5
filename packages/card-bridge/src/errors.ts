/**
 * The bridge's typed errors: one class, a closed list of stable codes, a cause. Tests assert the code.
 */
export const BRIDGE_ERROR_CODES = [
  /** A frame from vpcd broke the protocol (a control byte vpcd never sends, an empty frame). */
  "VPCD_PROTOCOL",
  /** vpcd could not be reached (pcscd not running, or without the vpcd reader). */
  "VPCD_UNREACHABLE",
  /** The card could not answer a command (the portal unreachable, its answer malformed). */
  "CARD_UNAVAILABLE",
  /** The card was used elsewhere meanwhile (another session, the counter): as if pulled out of the reader. */
  "CARD_RESET",
  /** The portal refused (unknown card, bad credentials): retrying will not help. */
  "CARD_REFUSED",
  /** A bad argument from the caller (host, port, APDU). */
  "INVALID_ARGUMENT",
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export class BridgeError extends Error {
  override readonly name = "BridgeError";
  readonly code: BridgeErrorCode;

  constructor(code: BridgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

export function isBridgeError(value: unknown, code?: BridgeErrorCode): value is BridgeError {
  return value instanceof BridgeError && (code === undefined || value.code === code);
}
