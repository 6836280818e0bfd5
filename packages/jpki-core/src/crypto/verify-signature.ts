/**
 * RSASSA-PKCS1-v1_5 verification with a certificate's public key — the one check CMS, OCSP and the R
 * challenge all need. Imported keys are cached per certificate object (and provider), since importing costs
 * about as much as verifying and CA/responder certificates are long-lived.
 */
import type { x509 } from "./x509-library.js";
import { OID } from "../oids.js";
import { getCrypto, getCryptoProviderName } from "./provider.js";

export type RsaSignatureHash = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

/** shaNNNWithRSAEncryption → the hash it signs with (RFC 4055 §5, RFC 3279 §2.2.1). */
export const RSA_SIGNATURE_HASH_BY_OID: Readonly<Record<string, RsaSignatureHash>> = {
  [OID.sha1WithRSAEncryption]: "SHA-1",
  [OID.sha256WithRSAEncryption]: "SHA-256",
  [OID.sha384WithRSAEncryption]: "SHA-384",
  [OID.sha512WithRSAEncryption]: "SHA-512",
};

const keyCache = new WeakMap<x509.X509Certificate, Map<string, Promise<CryptoKey>>>();

function verificationKey(certificate: x509.X509Certificate, hash: RsaSignatureHash): Promise<CryptoKey> {
  let perCertificate = keyCache.get(certificate);
  if (!perCertificate) keyCache.set(certificate, (perCertificate = new Map()));
  const cacheKey = `${getCryptoProviderName()}:${hash}`;
  let key = perCertificate.get(cacheKey);
  if (!key) {
    key = getCrypto().subtle.importKey(
      "spki",
      certificate.publicKey.rawData,
      { name: "RSASSA-PKCS1-v1_5", hash },
      false,
      ["verify"],
    );
    key.catch(() => perCertificate.delete(cacheKey)); // a non-RSA key is not cached as a failure forever
    perCertificate.set(cacheKey, key);
  }
  return key;
}

/** True when `signature` is `certificate`'s key's PKCS#1 v1.5 signature over `data`; false on any failure. */
export async function verifyRsaSignature(
  certificate: x509.X509Certificate,
  signature: BufferSource,
  data: BufferSource,
  hash: RsaSignatureHash = "SHA-256",
): Promise<boolean> {
  try {
    const key = await verificationKey(certificate, hash);
    return await getCrypto().subtle.verify("RSASSA-PKCS1-v1_5", key, signature, data);
  } catch {
    return false; // not an RSA key, or a signature of the wrong length
  }
}
