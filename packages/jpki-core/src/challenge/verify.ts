/**
 * The bank's step ④' (JPKI.md "The flow"): check the card's answer to a challenge and learn the R serial.
 *
 * Order, a documented choice: the challenge is consumed (atomically, in the store) BEFORE the signature is
 * checked. A failed attempt therefore burns the challenge too: an attacker cannot retry signatures against one
 * challenge, and two racing answers cannot both succeed. The honest client asks for a new challenge.
 *
 * Not checked here: that `certificate` chains to the R CA, is within its validity, is an R certificate, and
 * is not revoked — the caller does that with the path and OCSP modules (steps ⑤'–⑥').
 */
import { verifyRsaSignature } from "../crypto/verify-signature.js";
import type { x509 } from "../crypto/x509-library.js";
import { toBytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { CHALLENGE_ID_PATTERN, challengeSignedBytes, type Challenge } from "./challenge.js";
import type { ChallengeStore } from "./store.js";

export interface VerifyChallengeResponseOptions {
  challengeId: string;
  /** What the card returned: RSA PKCS#1 v1.5 over the SHA-256 DigestInfo of the nonce. */
  signature: BufferSource;
  /** The R certificate sent with the answer (step ③'). */
  certificate: x509.X509Certificate;
  store: ChallengeStore;
  now?: Date;
}

export interface VerifiedChallengeResponse {
  /** The certificate's serial, lower-case hex without leading zero octets: who this is (the R serial). */
  serialNumber: string;
  challenge: Challenge;
  certificate: x509.X509Certificate;
}

export async function verifyChallengeResponse(
  options: VerifyChallengeResponseOptions,
): Promise<VerifiedChallengeResponse> {
  const { challengeId, certificate, store } = options;
  const now = options.now ?? new Date();
  if (typeof challengeId !== "string" || !CHALLENGE_ID_PATTERN.test(challengeId)) {
    throw new JpkiError("CHALLENGE_MALFORMED", "the challenge id is not URL-safe base64");
  }
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = toBytes(options.signature);
  } catch (cause) {
    throw new JpkiError("CHALLENGE_MALFORMED", "the signature is not bytes", { cause });
  }
  if (signature.length === 0) throw new JpkiError("CHALLENGE_MALFORMED", "the signature is empty");

  const consumed = await store.consume(challengeId);
  if (!consumed.ok) {
    throw consumed.reason === "replayed"
      ? new JpkiError("CHALLENGE_REPLAYED", "this challenge has already been answered")
      : new JpkiError("CHALLENGE_UNKNOWN", "no such challenge");
  }
  const { challenge } = consumed;
  if (now.getTime() >= challenge.expiresAt.getTime()) {
    throw new JpkiError("CHALLENGE_EXPIRED", `the challenge expired at ${challenge.expiresAt.toISOString()}`);
  }

  const valid = await verifyRsaSignature(certificate, signature, challengeSignedBytes(challenge));
  if (!valid) {
    throw new JpkiError("CHALLENGE_SIGNATURE_INVALID", "the signature does not verify with the certificate's key");
  }
  return { serialNumber: normaliseSerialNumber(certificate.serialNumber), challenge, certificate };
}
