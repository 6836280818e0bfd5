/**
 * CMS SignedData (RFC 5652 §5) made with a key held elsewhere — the card's S key in the JPKI flow (JPKI.md
 * "The flow", step ②). The library never sees the private key: it builds the signed attributes, hands their
 * SHA-256 DigestInfo to a DigestInfoSigner (the card's COMPUTE DIGITAL SIGNATURE), and wraps the result.
 *
 * What is written, and why:
 * - SignedData version 1, one SignerInfo version 1 identified by IssuerAndSerialNumber (RFC 5652 §5.1, §5.3:
 *   eContentType id-data, no subjectKeyIdentifier, no attribute certificates).
 * - digestAlgorithm sha256 with absent parameters (RFC 5754 §2).
 * - signedAttrs contentType, messageDigest, signingTime, in DER SET OF order (X.690 §11.6; pkijs does not
 *   sort). signingTime is UTCTime up to 2049 and GeneralizedTime after (RFC 5652 §11.3), whole seconds.
 * - signatureAlgorithm rsaEncryption with NULL parameters, as `openssl cms -sign` writes it (RFC 3370 §3.2
 *   allows it; the hash is the digestAlgorithm's). A verifier accepts either form; rsaEncryption keeps our
 *   output byte-comparable with OpenSSL's.
 * - certificates: the signer's, then `extraCertificates` (e.g. the S CA), in their original DER.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { verifyRsaSignature } from "../crypto/verify-signature.js";
import { sha256, sha256DigestInfoOf } from "../crypto/digest-info.js";
import { invokeSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { toArrayBuffer, toBytes, type Bytes, type Der } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { requireValidDate, wholeSeconds } from "../profile/validity.js";
import { compareDerSetOfElements, signedAttributesAsSet } from "./der.js";
import { cmsToPem } from "./pem.js";

export interface SignCmsOptions {
  /** The signed document (eContent, or the detached content). */
  content: BufferSource;
  /** The certificate of the key that `signer` uses (花子's S certificate, say). */
  signerCertificate: x509.X509Certificate;
  /** Raw RSA PKCS#1 v1.5 over a DER DigestInfo: the card, or createSoftwareSigner in tests. */
  signer: DigestInfoSigner;
  /** Leave the content out of the CMS (RFC 5652 §5.2 "detached signature"). Default false. */
  detached?: boolean;
  /** The signingTime attribute; default now. Rounded down to whole seconds. */
  signingTime?: Date;
  /** More certificates to carry (e.g. the issuing CA), after the signer's. */
  extraCertificates?: readonly x509.X509Certificate[];
}

/** DER of ContentInfo { id-signedData, SignedData } over `content`, signed through `signer`. */
export async function signCms(options: SignCmsOptions): Promise<Der> {
  getCrypto(); // sets the pkijs engine
  const content = toBytes(options.content);
  const signingTime = wholeSeconds(requireValidDate(options.signingTime ?? new Date(), "signingTime"));
  const signerCert = parsePkijsCertificate(options.signerCertificate);
  if (signerCert.subjectPublicKeyInfo.algorithm.algorithmId !== OID.rsaEncryption) {
    throw new JpkiError("KEY_UNSUPPORTED", "the signer certificate's key is not RSA");
  }

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    // Listed as in RFC 5652 §11; DER order (by encoding) puts signingTime before messageDigest.
    attributes: sortedAttributes([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.cmsData })] }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(await sha256(content)) })],
      }),
      new pkijs.Attribute({ type: OID.signingTime, values: [encodeTime(signingTime)] }),
    ]),
  });
  // What is signed is exactly what is written, with the [0] tag swapped for SET OF (RFC 5652 §5.4).
  const signedBytes = signedAttributesAsSet(new Uint8Array(signedAttrs.toSchema().toBER()));
  const signature = await invokeSigner(options.signer, await sha256DigestInfoOf(signedBytes));
  await assertSignatureMatchesCertificate(options.signerCertificate, signedBytes, signature);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
    digestAlgorithm: sha256AlgorithmIdentifier(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });

  const encapContentInfo = new DataContentInfo(options.detached ? undefined : content);

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256AlgorithmIdentifier()],
    encapContentInfo,
    certificates: [signerCert, ...(options.extraCertificates ?? []).map(parsePkijsCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.cmsSignedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** signCms, as `-----BEGIN CMS-----` PEM. */
export async function signCmsPem(options: SignCmsOptions): Promise<string> {
  return cmsToPem(await signCms(options));
}

/**
 * EncapsulatedContentInfo { id-data, [0] EXPLICIT OCTET STRING } written by hand: pkijs's constructor splits
 * eContent into a constructed (chunked) OCTET STRING, and its toSchema drops an empty one, which would turn
 * a signature over empty content into a detached one.
 */
class DataContentInfo extends pkijs.EncapsulatedContentInfo {
  readonly #content: Bytes | undefined;

  constructor(content: Bytes | undefined) {
    super({ eContentType: OID.cmsData });
    this.#content = content;
  }

  override toSchema(): asn1js.Sequence {
    const value: asn1js.AsnType[] = [new asn1js.ObjectIdentifier({ value: OID.cmsData })];
    if (this.#content) {
      value.push(
        new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 0 },
          value: [new asn1js.OctetString({ valueHex: toArrayBuffer(this.#content) })],
        }),
      );
    }
    return new asn1js.Sequence({ value });
  }
}

function sha256AlgorithmIdentifier(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }); // parameters absent (RFC 5754 §2)
}

function sortedAttributes(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({
    attribute,
    der: new Uint8Array(attribute.toSchema().toBER()),
  }));
  encoded.sort((a, b) => compareDerSetOfElements(a.der, b.der));
  return encoded.map(({ attribute }) => attribute);
}

/** RFC 5652 §11.3 / RFC 5280 §4.1.2.5: UTCTime for 1950–2049, GeneralizedTime otherwise. */
function encodeTime(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? new asn1js.UTCTime({ valueDate: date })
    : new asn1js.GeneralizedTime({ valueDate: date });
}

function parsePkijsCertificate(certificate: x509.X509Certificate): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(certificate.rawData);
  } catch (cause) {
    throw new JpkiError("CERTIFICATE_MALFORMED", "cannot read the certificate for CMS", { cause });
  }
}

/**
 * A card answering with another key's signature (wrong card inserted, wrong key file) would yield a CMS that
 * no one can verify; catch it here, where the cause is still known, rather than at the relying party.
 */
async function assertSignatureMatchesCertificate(
  certificate: x509.X509Certificate,
  signedBytes: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<void> {
  const valid = await verifyRsaSignature(certificate, signature, signedBytes);
  if (!valid) {
    throw new JpkiError("SIGNER_FAILED", "the signer's signature does not verify with the signer certificate's key");
  }
}
