/**
 * The card itself, reached through the portal's APDU sessions (apps/portal README "APDU sessions"): one
 * session is one power-up of the card — SELECT, VERIFY and COMPUTE DIGITAL SIGNATURE run on the virtual card,
 * the private keys never leave it, and the portal stores the retry counters after every command, so a wrong
 * PIN here is a wrong PIN in the wallet. card-bridge's PortalApduCard is the transport, virtual-card's
 * JpkiCardReader speaks the JPKI applet (JPKI.md "The card").
 */
import { isBridgeError, PortalApduCard } from "@jpki-sandbox/card-bridge";
import { isJpkiError } from "@jpki-sandbox/jpki-core";
import { isCardError, JpkiCardReader } from "@jpki-sandbox/virtual-card";
import type { OperatorCredential } from "../config.js";
import { SandboxError, isSandboxError } from "../errors.js";

export interface ApduSessionOptions {
  portalUrl: string;
  operator: OperatorCredential;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Powers the card up in a reader, runs `use`, powers it down — whatever happens. Errors become SandboxErrors. */
export async function withCardReader<T>(cardId: string, options: ApduSessionOptions, use: (reader: JpkiCardReader) => Promise<T>): Promise<T> {
  const card = new PortalApduCard({
    portalUrl: options.portalUrl,
    cardId,
    credential: { user: options.operator.username, password: options.operator.password },
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
  try {
    await card.open();
    // PortalApduCard answers Uint8Array<ArrayBufferLike>; the reader wants its own ArrayBuffer.
    const reader = new JpkiCardReader({ transmit: async (apdu) => new Uint8Array(await card.transmit(apdu)) });
    await reader.selectApplet();
    return await use(reader);
  } catch (error) {
    throw cardFailure(error, cardId);
  } finally {
    await card.close();
  }
}

/** What the card, the reader or the transport threw, as a SandboxError (PIN_INCORRECT keeps `triesLeft`). */
export function cardFailure(thrown: unknown, cardId: string): unknown {
  if (isSandboxError(thrown)) return thrown;
  // jpki-core wraps what a DigestInfoSigner throws as SIGNER_FAILED with the card's error as the cause.
  const error = isJpkiError(thrown, "SIGNER_FAILED") && thrown.cause !== undefined ? thrown.cause : thrown;
  if (isCardError(error)) {
    switch (error.code) {
      case "PIN_INCORRECT": {
        const triesLeft = error.triesLeft ?? 0;
        return new SandboxError("PIN_INCORRECT", `card ${cardId}: wrong PIN, ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left`, { cause: error, service: "card", triesLeft });
      }
      case "PIN_BLOCKED":
        return new SandboxError("PIN_BLOCKED", `card ${cardId}: the PIN is locked; reset it at the counter (resetPin)`, { cause: error, service: "card" });
      case "PIN_FORMAT":
        return new SandboxError("PIN_FORMAT", `card ${cardId}: ${error.message}`, { cause: error, service: "card" });
      case "NOT_PERSONALISED":
        return new SandboxError("CARD_LACKS_CERTIFICATE", `card ${cardId} has no key or certificate in that slot`, { cause: error, service: "card" });
      default:
        return new SandboxError("REFUSED", `card ${cardId} answered ${error.code}: ${error.message}`, { cause: error, service: "card" });
    }
  }
  if (isBridgeError(error)) {
    if (error.code === "CARD_RESET") return new SandboxError("CARD_BUSY", `card ${cardId} was used elsewhere meanwhile: ${error.message}`, { cause: error, service: "portal" });
    if (error.code === "CARD_REFUSED") {
      // PortalApduCard says "the portal answered <status> <code>: <detail>".
      const code = /\bCARD_NOT_FOUND\b/.test(error.message) ? "CARD_NOT_FOUND" : /answered 401\b/.test(error.message) ? "UNAUTHORIZED" : "REFUSED";
      return new SandboxError(code, `the portal refused card ${cardId}: ${error.message}`, { cause: error, service: "portal" });
    }
    return new SandboxError("UNREACHABLE", error.message, { cause: error, service: "portal" });
  }
  return thrown;
}
