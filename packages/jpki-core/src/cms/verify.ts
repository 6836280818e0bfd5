/**
 * Verifying a CMS SignedData (RFC 5652 §5.6) made by a JPKI card or by OpenSSL: the bank's step ④ "signature
 * against the public key" (JPKI.md "The flow"). Certificate path, validity and revocation are not checked
 * here — the caller hands `signerCertificate` (and `certificates`) to the path and OCSP modules.
 *
 * Scope, a documented choice: exactly one SignerInfo (a JPKI signature has one signer); RSA PKCS#1 v1.5 with
 * SHA-256 (also SHA-384/512, which OpenSSL can be asked for); signer identified by IssuerAndSerialNumber or
 * SubjectKeyIdentifier (`openssl cms -keyid`); with or without signed attributes (`openssl cms -noattr`).
 *
 * Errors, by code: CMS_MALFORMED (not DER/BER of a ContentInfo with SignedData, truncated, trailing bytes,
 * unsupported algorithm, missing contentType/messageDigest attributes); CMS_CONTENT_MISSING (detached and no
 * content given); CMS_SIGNER_CERTIFICATE_MISSING; CMS_DIGEST_MISMATCH (messageDigest ≠ digest of the content,
 * or attached content ≠ the detachedContent given); CMS_SIGNATURE_INVALID. Without signed attributes there is
 * no messageDigest, so changed content shows up as CMS_SIGNATURE_INVALID.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { getCrypto } from "../crypto/provider.js";
import { verifyRsaSignature } from "../crypto/verify-signature.js";
import { x509 } from "../crypto/x509-library.js";
import { bytesEqual, bytesToHex, toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { digestAlgorithmOf, isRsaSignatureAlgorithmFor, type CmsDigestAlgorithm } from "./algorithms.js";
import { signedAttributesAsSet } from "./der.js";
import { cmsPemOrDerToDer } from "./pem.js";

export interface VerifyCmsOptions {
  /** The signed content, for a detached signature. */
  detachedContent?: BufferSource;
}

export interface VerifiedCms {
  /** The content the signature covers (eContent, or the detachedContent given). */
  content: Bytes;
  /** The eContentType (id-data for everything JPKI signs). */
  contentType: string;
  /** The certificate whose key made the signature, taken from the SignedData's certificates. */
  signerCertificate: x509.X509Certificate;
  /** Every certificate the SignedData carries (signer first in what signCms writes), for path building. */
  certificates: x509.X509Certificate[];
  /** The signingTime signed attribute, when present. Claimed by the signer, not proven. */
  signingTime?: Date;
  digestAlgorithm: CmsDigestAlgorithm;
  /** False for CMS without signedAttrs (signature over the content itself, `openssl cms -noattr`). */
  hasSignedAttributes: boolean;
}

/** Verifies the signature of a CMS SignedData (DER, or PEM `CMS`/`PKCS7`) against its signer certificate. */
export async function verifyCms(input: string | BufferSource, options: VerifyCmsOptions = {}): Promise<VerifiedCms> {
  getCrypto(); // sets the pkijs engine
  const { signedData, certificates } = parseSignedData(cmsPemOrDerToDer(input));

  if (signedData.signerInfos.length !== 1) {
    throw malformed(`expected exactly one SignerInfo, found ${signedData.signerInfos.length}`);
  }
  const signerInfo = signedData.signerInfos[0]!;
  const contentType = signedData.encapContentInfo.eContentType;
  const content = signedContent(signedData.encapContentInfo, options.detachedContent);

  const digestAlgorithm = digestAlgorithmOf(signerInfo.digestAlgorithm.algorithmId);
  if (!digestAlgorithm) throw malformed(`unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (!isRsaSignatureAlgorithmFor(signatureAlgorithm, digestAlgorithm)) {
    throw malformed(`unsupported signature algorithm ${signatureAlgorithm} with ${digestAlgorithm}`);
  }

  const signerCertificate = findSignerCertificate(signerInfo.sid, certificates);
  const subtle = getCrypto().subtle;

  let signedBytes: Bytes;
  let signingTime: Date | undefined;
  if (signerInfo.signedAttrs) {
    const attributes = readSignedAttributes(signerInfo.signedAttrs);
    // RFC 5652 §11.1: the contentType attribute must match eContentType.
    if (attributes.contentType !== contentType) {
      throw malformed(`contentType attribute ${attributes.contentType} differs from eContentType ${contentType}`);
    }
    const digest = new Uint8Array(await subtle.digest(digestAlgorithm, content));
    if (!bytesEqual(digest, attributes.messageDigest)) {
      throw new JpkiError("CMS_DIGEST_MISMATCH", "the content's digest differs from the signed messageDigest");
    }
    signingTime = attributes.signingTime;
    // RFC 5652 §5.4: verify over the bytes as received, with the SET OF tag.
    signedBytes = signedAttributesAsSet(new Uint8Array(signerInfo.signedAttrs.encodedValue));
  } else {
    // RFC 5652 §5.3: without signed attributes the content type must be id-data; the signature is over it.
    if (contentType !== OID.cmsData) throw malformed("signedAttrs are required when eContentType is not id-data");
    signedBytes = content;
  }

  const signature = toBytes(signerInfo.signature.getValue()); // joins a BER constructed OCTET STRING
  const valid = await verifyRsaSignature(signerCertificate, signature, signedBytes, digestAlgorithm);
  if (!valid) throw new JpkiError("CMS_SIGNATURE_INVALID", "the signature does not verify with the signer's key");

  return {
    content,
    contentType,
    signerCertificate,
    certificates,
    ...(signingTime ? { signingTime } : {}),
    digestAlgorithm,
    hasSignedAttributes: signerInfo.signedAttrs !== undefined,
  };
}

function malformed(message: string, cause?: unknown): JpkiError {
  return new JpkiError("CMS_MALFORMED", message, cause === undefined ? undefined : { cause });
}

interface ParsedSignedData {
  signedData: pkijs.SignedData;
  certificates: x509.X509Certificate[];
}

function parseSignedData(der: Bytes): ParsedSignedData {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1 || asn1.result.error) throw malformed(`not BER/DER: ${asn1.result.error || "truncated"}`);
  if (asn1.offset !== der.length) throw malformed(`${der.length - asn1.offset} bytes after the ContentInfo`);
  let contentInfo: pkijs.ContentInfo;
  try {
    contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  } catch (cause) {
    throw malformed("not a CMS ContentInfo", cause);
  }
  if (contentInfo.contentType !== OID.cmsSignedData) {
    throw malformed(`ContentInfo holds ${contentInfo.contentType}, not SignedData`);
  }
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (cause) {
    throw malformed("not a CMS SignedData", cause);
  }
  return { signedData, certificates: rawCertificates(contentInfo.content) };
}

/**
 * The certificates of a SignedData in their received DER (pkijs re-encodes what it parses; a signer
 * certificate must keep its exact bytes). Only plain X.509 certificates (CertificateChoices `certificate`).
 */
function rawCertificates(signedDataAsn1: unknown): x509.X509Certificate[] {
  const sequence = signedDataAsn1 as asn1js.Sequence;
  const certificateSet = sequence.valueBlock.value.find(
    (element) => element.idBlock.tagClass === 3 && element.idBlock.tagNumber === 0,
  ) as asn1js.Constructed | undefined;
  if (!certificateSet) return [];
  return certificateSet.valueBlock.value
    .filter((element) => element.idBlock.tagClass === 1 && element.idBlock.tagNumber === 16)
    .map((element) => {
      try {
        return new x509.X509Certificate(toBytes(element.valueBeforeDecodeView));
      } catch (cause) {
        throw malformed("a certificate in the SignedData cannot be read", cause);
      }
    });
}

function signedContent(encap: pkijs.EncapsulatedContentInfo, detached: BufferSource | undefined): Bytes {
  const detachedBytes = detached === undefined ? undefined : toBytes(detached);
  if (!encap.eContent) {
    if (!detachedBytes) throw new JpkiError("CMS_CONTENT_MISSING", "detached signature: pass the signed content");
    return detachedBytes;
  }
  if (!(encap.eContent instanceof asn1js.OctetString)) throw malformed("eContent is not an OCTET STRING");
  const attached = toBytes(encap.eContent.getValue()); // concatenates a constructed (chunked) OCTET STRING
  if (detachedBytes && !bytesEqual(attached, detachedBytes)) {
    throw new JpkiError("CMS_DIGEST_MISMATCH", "the CMS carries content different from the content given");
  }
  return attached;
}

/** Matches the SignerIdentifier against the already-parsed certificates (no third parse of their DER). */
function findSignerCertificate(sid: unknown, certificates: x509.X509Certificate[]): x509.X509Certificate {
  let match: ((certificate: x509.X509Certificate) => boolean) | undefined;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = new Uint8Array(sid.issuer.toSchema().toBER());
    const serial = normaliseSerialNumber(bytesToHex(sid.serialNumber.valueBlock.valueHexView));
    match = (certificate) =>
      bytesEqual(certificate.issuerName.toArrayBuffer(), issuer) &&
      normaliseSerialNumber(certificate.serialNumber) === serial;
  } else if (sid instanceof asn1js.BaseBlock && sid.idBlock.tagClass === 3 && sid.idBlock.tagNumber === 0) {
    // [0] IMPLICIT SubjectKeyIdentifier (RFC 5652 §5.3): compare with the certificates' SKI extension.
    const keyId = bytesToHex(toBytes((sid.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView));
    match = (certificate) =>
      certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId.toLowerCase() === keyId;
  }
  if (!match) throw malformed("SignerInfo has an unknown signer identifier");
  for (const certificate of certificates) {
    let matched: boolean;
    try {
      matched = match(certificate);
    } catch (cause) {
      throw malformed("a certificate in the SignedData cannot be read", cause);
    }
    if (matched) return certificate;
  }
  throw new JpkiError("CMS_SIGNER_CERTIFICATE_MISSING", "the SignedData does not carry the signer's certificate");
}

interface SignedAttributeValues {
  contentType: string;
  messageDigest: Bytes;
  signingTime?: Date;
}

/** RFC 5652 §5.3, §11: contentType and messageDigest exactly once, single-valued; signingTime optional. */
function readSignedAttributes(signedAttrs: pkijs.SignedAndUnsignedAttributes): SignedAttributeValues {
  const single = (type: string): unknown => {
    const found = signedAttrs.attributes.filter((attribute) => attribute.type === type);
    if (found.length > 1) throw malformed(`signed attribute ${type} appears more than once`);
    const attribute = found[0];
    if (!attribute) return undefined;
    if (attribute.values.length !== 1) throw malformed(`signed attribute ${type} must have exactly one value`);
    return attribute.values[0];
  };
  const contentType = single(OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier)) throw malformed("no valid contentType signed attribute");
  const messageDigest = single(OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString) || messageDigest.idBlock.isConstructed) {
    throw malformed("no valid messageDigest signed attribute");
  }
  const time = single(OID.signingTime);
  let signingTime: Date | undefined;
  if (time !== undefined) {
    if (!(time instanceof asn1js.UTCTime) && !(time instanceof asn1js.GeneralizedTime)) {
      throw malformed("signingTime is neither UTCTime nor GeneralizedTime");
    }
    signingTime = time.toDate();
    if (Number.isNaN(signingTime.getTime())) throw malformed("signingTime is not a valid time");
  }
  return {
    contentType: contentType.valueBlock.toString(),
    messageDigest: toBytes(messageDigest.valueBlock.valueHexView),
    ...(signingTime ? { signingTime } : {}),
  };
}
