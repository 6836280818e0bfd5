/**
 * Step ④ / ④' on the signature. An application (or a consent) arrives as attached CMS SignedData: its
 * signature must verify with the signer certificate's key, and the signed content must be exactly the
 * document the bank asked to be signed. A login arrives as a PKCS#1 v1.5 signature over the challenge, which
 * must be fresh, unused and made by the R certificate's key. jpki-core does the cryptography.
 */
import {
  bytesEqual,
  isJpkiError,
  verifyChallengeResponse,
  verifyCms,
  type Bytes,
  type ChallengeStore,
  type x509,
} from "@jpki-sandbox/jpki-core";
import type { BankErrorCode } from "../../shared/api-types.js";
import { BankError } from "../errors.js";

export interface VerifiedSignedDocument {
  signerCertificate: x509.X509Certificate;
  content: Bytes;
  signingTime: Date | undefined;
  digestAlgorithm: string;
}

/** Verifies the CMS and that it signs `expected` (DOCUMENT_MISMATCH otherwise); SIGNATURE_INVALID on any CMS failure. */
export async function verifySignedDocument(signedData: Bytes, expected: Bytes): Promise<VerifiedSignedDocument> {
  let verified;
  try {
    verified = await verifyCms(signedData);
  } catch (error) {
    if (isJpkiError(error)) throw new BankError("SIGNATURE_INVALID", `${error.code}: ${error.message}`, { cause: error });
    throw error;
  }
  if (!bytesEqual(verified.content, expected)) {
    throw new BankError("DOCUMENT_MISMATCH", "the signed content differs from the document the bank sent for signing");
  }
  return {
    signerCertificate: verified.signerCertificate,
    content: verified.content,
    signingTime: verified.signingTime,
    digestAlgorithm: verified.digestAlgorithm,
  };
}

const CHALLENGE_CODES: Record<string, BankErrorCode> = {
  CHALLENGE_REPLAYED: "CHALLENGE_REPLAYED",
  CHALLENGE_EXPIRED: "CHALLENGE_EXPIRED",
  CHALLENGE_UNKNOWN: "CHALLENGE_UNKNOWN",
  CHALLENGE_MALFORMED: "CHALLENGE_UNKNOWN",
  CHALLENGE_SIGNATURE_INVALID: "SIGNATURE_INVALID",
};

/** Consumes the challenge (single use, even when the signature then fails) and verifies the answer. */
export async function verifyChallengeAnswer(options: {
  challengeId: string;
  signature: Bytes;
  certificate: x509.X509Certificate;
  store: ChallengeStore;
  at: Date;
}): Promise<{ serialNumber: string }> {
  try {
    const verified = await verifyChallengeResponse({ ...options, now: options.at });
    return { serialNumber: verified.serialNumber };
  } catch (error) {
    if (isJpkiError(error)) {
      throw new BankError(CHALLENGE_CODES[error.code] ?? "SIGNATURE_INVALID", error.message, { cause: error });
    }
    throw error;
  }
}
