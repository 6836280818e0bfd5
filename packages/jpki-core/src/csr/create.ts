/**
 * A PKCS#10 certification request (RFC 2986) signed with a card key: proof that whoever asks for a
 * certificate for `publicKey` holds its private key. The card only signs DigestInfos (COMPUTE DIGITAL
 * SIGNATURE, JPKI.md "The card") and never exposes the key, so the request is built here and only the SHA-256
 * DigestInfo of the CertificationRequestInfo goes to the DigestInfoSigner, as signCms does.
 *
 * What is written: version 0, subject `CN=<subjectCommonName>` (UTF8String, as `openssl req` writes it),
 * the key's SubjectPublicKeyInfo, an empty attributes `[0]`, sha256WithRSAEncryption with NULL parameters.
 * The JPKI key profile (RSA-2048, e = 65537) is the verifier's check, not this one's: tests make
 * non-conforming requests with it.
 */
import { sha256DigestInfoOf } from "../crypto/digest-info.js";
import { getCrypto } from "../crypto/provider.js";
import { invokeSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { buildName } from "../profile/names.js";
import { encodeCertificationRequest, encodeCertificationRequestInfo } from "./der.js";
import { readRsaPublicKey, rsaPkcs1SignatureVerifies } from "./rsa.js";

export const DEFAULT_CSR_COMMON_NAME = "JPKI-SANDBOX card key (TEST ONLY)";
/** ub-common-name (RFC 5280 Appendix A.1), counted in characters. */
const MAX_COMMON_NAME_LENGTH = 64;

export interface CreateCertificationRequestOptions {
  /** The public half of the card key (what the CA will certify). */
  publicKey: CryptoKey;
  /** Raw RSA PKCS#1 v1.5 over a DER DigestInfo with the matching private key: the card, or createSoftwareSigner. */
  signer: DigestInfoSigner;
  /** Default DEFAULT_CSR_COMMON_NAME. The CA sets the real subject; this only names the request. */
  subjectCommonName?: string;
}

/** DER of a CertificationRequest for `publicKey`, signed through `signer`. */
export async function createCertificationRequest(options: CreateCertificationRequestOptions): Promise<Bytes> {
  const commonName = options.subjectCommonName ?? DEFAULT_CSR_COMMON_NAME;
  if (typeof commonName !== "string" || commonName.length === 0 || [...commonName].length > MAX_COMMON_NAME_LENGTH) {
    throw new JpkiError("INVALID_ARGUMENT", `subjectCommonName must be 1–${MAX_COMMON_NAME_LENGTH} characters`);
  }
  const spki = await exportRsaSubjectPublicKeyInfo(options.publicKey);
  const info = encodeCertificationRequestInfo(new Uint8Array(buildName([["CN", commonName]]).toArrayBuffer()), spki);
  const signature = await invokeSigner(options.signer, await sha256DigestInfoOf(info));
  // A card answering with another key (wrong card inserted) would give a request no CA accepts; say so here.
  if (!(await rsaPkcs1SignatureVerifies(spki, "SHA-256", signature, info))) {
    throw new JpkiError("SIGNER_FAILED", "the signer's signature does not verify with publicKey");
  }
  return encodeCertificationRequest(info, signature);
}

async function exportRsaSubjectPublicKeyInfo(publicKey: CryptoKey): Promise<Bytes> {
  let spki: Bytes;
  try {
    spki = toBytes(await getCrypto().subtle.exportKey("spki", publicKey));
  } catch (cause) {
    throw new JpkiError("INVALID_ARGUMENT", "publicKey is not a public CryptoKey of the active provider", { cause });
  }
  try {
    readRsaPublicKey(spki);
  } catch (cause) {
    throw new JpkiError("KEY_UNSUPPORTED", "publicKey is not an RSA key", { cause });
  }
  return spki;
}
