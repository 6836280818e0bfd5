/**
 * The DER of a PKCS#10 CertificationRequest (RFC 2986 §4), written and read with the small DER module the
 * OCSP and CRL code use, so the signed bytes are exactly the bytes on the wire (no library re-encoding):
 *
 *   CertificationRequest ::= SEQUENCE {
 *     certificationRequestInfo SEQUENCE { version INTEGER (0), subject Name,
 *                                         subjectPKInfo SubjectPublicKeyInfo, attributes [0] SET OF Attribute },
 *     signatureAlgorithm AlgorithmIdentifier,
 *     signature BIT STRING }
 */
import type { Bytes } from "../encoding/pem.js";
import { parseOrThrow } from "../errors.js";
import { OID } from "../oids.js";
import {
  childrenOf,
  decodeOid,
  DER_NULL,
  encodingOf,
  oid,
  readOnly,
  sequence,
  tlv,
  TAG,
  valueOf,
  type Tlv,
} from "../revocation/der.js";

/** What a verifier needs, each as the exact bytes read. */
export interface CertificationRequestParts {
  /** DER of CertificationRequestInfo: what the signature covers. */
  info: Bytes;
  /** DER of the subject Name. */
  subject: Bytes;
  /** DER of the SubjectPublicKeyInfo. */
  subjectPublicKeyInfo: Bytes;
  signatureAlgorithm: string;
  /** DER of the AlgorithmIdentifier parameters, when present. */
  signatureParameters?: Bytes;
  signature: Bytes;
}

/** AlgorithmIdentifier { sha256WithRSAEncryption, NULL } — NULL as RFC 4055 §5 asks and OpenSSL writes. */
export const SHA256_WITH_RSA_ENCRYPTION: Bytes = sequence(oid(OID.sha256WithRSAEncryption), DER_NULL);

const VERSION_1: Bytes = tlv(TAG.INTEGER, Uint8Array.of(0));

/** CertificationRequestInfo v1 with an empty attributes SET (`[0]` is required even when empty, §4.1). */
export function encodeCertificationRequestInfo(subject: Uint8Array, subjectPublicKeyInfo: Uint8Array): Bytes {
  return sequence(VERSION_1, subject, subjectPublicKeyInfo, tlv(TAG.context(0)));
}

/** The signed request: info, sha256WithRSAEncryption, and the signature as a BIT STRING with 0 unused bits. */
export function encodeCertificationRequest(info: Uint8Array, signature: Uint8Array): Bytes {
  return sequence(info, SHA256_WITH_RSA_ENCRYPTION, tlv(TAG.BIT_STRING, Uint8Array.of(0), signature));
}

/** Splits a request into its parts; anything that is not exactly this shape is CSR_MALFORMED. */
export function decodeCertificationRequest(der: Bytes): CertificationRequestParts {
  return parseOrThrow("CSR_MALFORMED", "not a PKCS#10 certification request", () => decode(der));
}

function decode(der: Bytes): CertificationRequestParts {
  const fields = childrenOf(der, readOnly(der, TAG.SEQUENCE));
  expectTags(fields, [TAG.SEQUENCE, TAG.SEQUENCE, TAG.BIT_STRING], "CertificationRequest");
  const [infoTlv, algorithmTlv, signatureTlv] = fields as [Tlv, Tlv, Tlv];

  const infoFields = childrenOf(der, infoTlv);
  expectTags(infoFields, [TAG.INTEGER, TAG.SEQUENCE, TAG.SEQUENCE, TAG.context(0)], "CertificationRequestInfo");
  const version = valueOf(der, infoFields[0]!);
  if (version.length !== 1 || version[0] !== 0) throw new Error("CertificationRequestInfo version is not v1 (0)");
  for (const attribute of childrenOf(der, infoFields[3]!)) {
    if (attribute.tag !== TAG.SEQUENCE) throw new Error("an attribute is not a SEQUENCE");
  }

  const algorithm = childrenOf(der, algorithmTlv);
  if (algorithm.length < 1 || algorithm.length > 2 || algorithm[0]!.tag !== TAG.OID) {
    throw new Error("signatureAlgorithm is not an AlgorithmIdentifier");
  }
  const bits = valueOf(der, signatureTlv);
  if (bits.length < 2 || bits[0] !== 0) throw new Error("signature is not a whole-octet BIT STRING");

  return {
    info: encodingOf(der, infoTlv),
    subject: encodingOf(der, infoFields[1]!),
    subjectPublicKeyInfo: encodingOf(der, infoFields[2]!),
    signatureAlgorithm: decodeOid(valueOf(der, algorithm[0]!)),
    ...(algorithm[1] ? { signatureParameters: encodingOf(der, algorithm[1]) } : {}),
    signature: bits.slice(1),
  };
}

function expectTags(elements: readonly Tlv[], tags: readonly number[], what: string): void {
  if (elements.length !== tags.length || elements.some((element, i) => element.tag !== tags[i])) {
    throw new Error(`${what} does not have the fields RFC 2986 §4 defines`);
  }
}
