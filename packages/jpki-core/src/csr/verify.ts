/**
 * Checks a PKCS#10 certification request (RFC 2986) as a CA does before certifying a card key: the structure,
 * the JPKI key profile (RSA of at least 2048 bits with e = 65537; JPKI.md "Both: RSA-2048 …"), and the
 * self-signature with the embedded key (proof of possession, RFC 2986 §3).
 *
 * Codes: anything that is not a v1 request with an RSA key and an RSA PKCS#1 v1.5 SHA-256/384/512 signature
 * is CSR_MALFORMED (SHA-1, PSS and ECDSA included); a key outside the profile CSR_KEY_UNSUPPORTED; a
 * signature that does not verify CSR_SIGNATURE_INVALID. Attributes (extensionRequest, challengePassword) are
 * read as well-formed but not interpreted: the CA decides the certificate's contents, not the requester.
 */
import { importPublicKey } from "../crypto/keys.js";
import { getCrypto } from "../crypto/provider.js";
import { RSA_SIGNATURE_HASH_BY_OID, type RsaSignatureHash } from "../crypto/verify-signature.js";
import { x509 } from "../crypto/x509-library.js";
import { bytesEqual, type Bytes } from "../encoding/pem.js";
import { JpkiError, parseOrThrow } from "../errors.js";
import { DER_NULL } from "../revocation/der.js";
import { decodeCertificationRequest, type CertificationRequestParts } from "./der.js";
import { csrPemOrDerToDer } from "./pem.js";
import { MIN_RSA_MODULUS_BITS, readRsaPublicKey, RSA_PUBLIC_EXPONENT, rsaPkcs1SignatureVerifies } from "./rsa.js";

export interface VerifiedCertificationRequest {
  /** The requester's key, imported for RSASSA-PKCS1-v1_5 with SHA-256 (ready for issuance). */
  publicKey: CryptoKey;
  /** DER of its SubjectPublicKeyInfo, as in the request. */
  publicKeyDer: Bytes;
  /** The requested subject as a DN string (`CN=…`); informational, the CA chooses the real one. */
  subject: string;
  /** DER of the whole request. */
  der: Bytes;
}

const ACCEPTED_HASHES: ReadonlySet<RsaSignatureHash> = new Set(["SHA-256", "SHA-384", "SHA-512"]);

/** Verifies a request given as PEM (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`) or DER. */
export async function verifyCertificationRequest(input: string | BufferSource): Promise<VerifiedCertificationRequest> {
  getCrypto(); // sets the provider for @peculiar/x509 too
  const der = csrPemOrDerToDer(input);
  const parts = decodeCertificationRequest(der);
  const subject = parseOrThrow("CSR_MALFORMED", "bad subject", () => new x509.Name(parts.subject).toString());
  const key = parseOrThrow("CSR_MALFORMED", "bad public key", () => readRsaPublicKey(parts.subjectPublicKeyInfo));
  const hash = signatureHash(parts);

  // JPKI keys are RSA-2048 with e = 65537; larger moduli are accepted, smaller ones and other exponents not.
  if (key.modulusBits < MIN_RSA_MODULUS_BITS) {
    const needed = `at least ${MIN_RSA_MODULUS_BITS} needed`;
    throw new JpkiError("CSR_KEY_UNSUPPORTED", `an RSA key of ${key.modulusBits} bits; ${needed}`);
  }
  if (key.publicExponent !== RSA_PUBLIC_EXPONENT) {
    const exponent = key.publicExponent;
    throw new JpkiError("CSR_KEY_UNSUPPORTED", `RSA public exponent ${exponent}; ${RSA_PUBLIC_EXPONENT} needed`);
  }

  let publicKey: CryptoKey;
  try {
    publicKey = await importPublicKey(parts.subjectPublicKeyInfo);
  } catch (cause) {
    throw new JpkiError("CSR_MALFORMED", "the subject public key cannot be imported", { cause });
  }
  if (!(await rsaPkcs1SignatureVerifies(parts.subjectPublicKeyInfo, hash, parts.signature, parts.info))) {
    throw new JpkiError("CSR_SIGNATURE_INVALID", "the request's signature does not verify with its own key");
  }
  return { publicKey, publicKeyDer: parts.subjectPublicKeyInfo, subject, der };
}

/** shaNNNWithRSAEncryption, parameters NULL or absent (RFC 4055 §5 asks verifiers to accept both). */
function signatureHash(parts: CertificationRequestParts): RsaSignatureHash {
  const hash = RSA_SIGNATURE_HASH_BY_OID[parts.signatureAlgorithm];
  if (!hash || !ACCEPTED_HASHES.has(hash)) {
    throw new JpkiError("CSR_MALFORMED", `unsupported signature algorithm ${parts.signatureAlgorithm}`);
  }
  if (parts.signatureParameters && !bytesEqual(parts.signatureParameters, DER_NULL)) {
    throw new JpkiError("CSR_MALFORMED", "sha-with-RSA parameters must be NULL or absent");
  }
  return hash;
}
