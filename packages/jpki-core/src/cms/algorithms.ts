/** The digest and signature algorithms a JPKI CMS may carry, by OID (RFC 5754, RFC 4055, RFC 3370 §3.2). */
import { OID } from "../oids.js";

export type CmsDigestAlgorithm = "SHA-256" | "SHA-384" | "SHA-512";

const DIGESTS: Record<string, CmsDigestAlgorithm> = {
  [OID.sha256]: "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
};

/** shaNNNWithRSAEncryption → the hash it implies (RFC 4055 §5). rsaEncryption implies none (RFC 3370 §3.2). */
const RSA_SIGNATURES: Record<string, CmsDigestAlgorithm | undefined> = {
  [OID.rsaEncryption]: undefined,
  [OID.sha256WithRSAEncryption]: "SHA-256",
  "1.2.840.113549.1.1.12": "SHA-384",
  "1.2.840.113549.1.1.13": "SHA-512",
};

export function digestAlgorithmOf(oid: string): CmsDigestAlgorithm | undefined {
  return DIGESTS[oid];
}

/** Whether `oid` is an RSA PKCS#1 v1.5 signature algorithm usable with `digest`. */
export function isRsaSignatureAlgorithmFor(oid: string, digest: CmsDigestAlgorithm): boolean {
  if (!(oid in RSA_SIGNATURES)) return false;
  const implied = RSA_SIGNATURES[oid];
  return implied === undefined || implied === digest;
}
