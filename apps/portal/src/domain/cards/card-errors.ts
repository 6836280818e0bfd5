/** The card's answers (CardError, from status words) as the portal's errors, with what a person needs. */
import { isJpkiError } from "@jpki-sandbox/jpki-core";
import { isCardError } from "@jpki-sandbox/virtual-card";
import { PortalError } from "../errors.js";

export function fromCardError(thrown: unknown): unknown {
  // jpki-core wraps what a DigestInfoSigner throws as SIGNER_FAILED with the card's error as the cause.
  const error = isJpkiError(thrown, "SIGNER_FAILED") && isCardError(thrown.cause) ? thrown.cause : thrown;
  if (!isCardError(error)) return error;
  switch (error.code) {
    case "PIN_INCORRECT":
      return new PortalError("PIN_INCORRECT", `wrong PIN: ${error.triesLeft} ${error.triesLeft === 1 ? "try" : "tries"} left`, {
        cause: error,
        details: { triesLeft: error.triesLeft },
      });
    case "PIN_BLOCKED":
      return new PortalError("PIN_BLOCKED", "the PIN is locked after too many wrong attempts; the municipal counter can reset it", {
        cause: error,
      });
    case "PIN_FORMAT":
      return new PortalError("PIN_FORMAT", error.message, { cause: error });
    default:
      return new PortalError("INTERNAL", `the card answered ${error.message}`, { cause: error });
  }
}
