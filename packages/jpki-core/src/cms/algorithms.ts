/** The digest and signature algorithms a JPKI CMS may carry, by OID (RFC 5754, RFC 4055, RFC 3370 §3.2). */
import { RSA_SIGNATURE_HASH_BY_OID } from "../crypto/verify-signature.js";
import { OID } from "../oids.js";

export type CmsDigestAlgorithm = "SHA-256" | "SHA-384" | "SHA-512";

const DIGESTS: Record<string, CmsDigestAlgorithm> = {
  [OID.sha256]: "SHA-256",
  [OID.sha384]: "SHA-384",
  [OID.sha512]: "SHA-512",
};

export function digestAlgorithmOf(oid: string): CmsDigestAlgorithm | undefined {
  return DIGESTS[oid];
}

/** Whether `oid` is an RSA PKCS#1 v1.5 signature algorithm usable with `digest`. */
export function isRsaSignatureAlgorithmFor(oid: string, digest: CmsDigestAlgorithm): boolean {
  // rsaEncryption implies no hash (RFC 3370 §3.2); shaNNNWithRSAEncryption must name the digest used.
  return oid === OID.rsaEncryption || RSA_SIGNATURE_HASH_BY_OID[oid] === digest;
}
