/**
 * Proof of possession: the card proves it holds the private key by signing a PKCS#10 request with it
 * (RFC 2986; RFC 4211 §4 calls this POP by signature). jlis never sees a private key.
 */
import { isJpkiError, verifyCertificationRequest } from "@jpki-sandbox/jpki-core";
import { JlisError } from "../errors.js";

export interface PossessedKey {
  publicKey: CryptoKey;
  /** SubjectPublicKeyInfo DER, to compare keys. */
  spki: Uint8Array;
}

export async function verifyPossession(csr: string, what: string): Promise<PossessedKey> {
  try {
    const verified = await verifyCertificationRequest(csr.includes("-----BEGIN") ? csr : Buffer.from(csr, "base64"));
    return { publicKey: verified.publicKey, spki: verified.publicKeyDer };
  } catch (error) {
    if (isJpkiError(error)) {
      throw new JlisError("PROOF_OF_POSSESSION_FAILED", `${what}: ${error.message}`, { cause: error, details: { jpkiCode: error.code } });
    }
    throw error;
  }
}

export function sameKey(a: PossessedKey, b: PossessedKey): boolean {
  return Buffer.from(a.spki).equals(Buffer.from(b.spki));
}
