/**
 * Builds signed OCSPResponses (RFC 6960 §4.2) for the JPKI status service (JPKI.md "Revocation and status").
 *
 * Encoded directly as DER (see ../revocation/der.ts): per response the only costly step left is the one RSA
 * signature. What depends only on the signer (responderID, the signature AlgorithmIdentifier, the `certs`
 * field) is computed once per signer and reused. ResponseData.version is never written (v1 is the DEFAULT,
 * which DER omits), every time is a whole-second GeneralizedTime, the nonce is echoed byte for byte.
 */
import type { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { requireValidDate } from "../profile/validity.js";
import { revocationReasonCode, type RevocationReason } from "../revocation/reason.js";
import {
  DER_NULL,
  enumerated,
  generalizedTime,
  octetString,
  oid,
  sequence,
  TAG,
  tlv,
} from "../revocation/der.js";
import { encodeCertId, issuerHashes, type CertId } from "./cert-id.js";

/** The OCSPResponseStatus values (RFC 6960 §4.2.1) other than successful; such responses carry no body. */
export const OCSP_ERROR_STATUSES = {
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const;

export type OcspErrorStatus = keyof typeof OCSP_ERROR_STATUSES;

/** What the responder says about one certificate. */
export type OcspCertStatus =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; reason: RevocationReason }
  | { status: "unknown" };

export type OcspSingleResponseInput = OcspCertStatus & {
  /** The CertID as the request sent it (same hash algorithm), or one made with createCertId. */
  certId: CertId;
  thisUpdate: Date;
  /** When newer information will be available; omit only if it always is (RFC 6960 §2.4). */
  nextUpdate?: Date;
};

/** Who signs: an OcspResponder (delegated, id-kp-OCSPSigning) or the CertificationAuthority itself. */
export interface OcspSigner {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface BuildOcspResponseOptions {
  signer: OcspSigner;
  responses: readonly OcspSingleResponseInput[];
  /** Default now. */
  producedAt?: Date;
  /** The request's nonce extnValue contents (ParsedOcspRequest.nonce), echoed unchanged. */
  nonce?: BufferSource;
  /** Put the signer's certificate in `certs` (default true; a delegated responder's must be there). */
  includeSignerCertificate?: boolean;
}

interface PreparedSigner {
  privateKey: CryptoKey;
  responderId: Bytes;
  signatureAlgorithm: Bytes;
  certs: Bytes;
}

const prepared = new WeakMap<x509.X509Certificate, Promise<PreparedSigner>>();

function prepareSigner(signer: OcspSigner): Promise<PreparedSigner> {
  let entry = prepared.get(signer.certificate);
  if (!entry) {
    entry = computeSigner(signer);
    prepared.set(signer.certificate, entry);
    entry.catch(() => prepared.delete(signer.certificate));
  }
  return entry.then((ready) => (ready.privateKey === signer.privateKey ? ready : computeSigner(signer)));
}

async function computeSigner(signer: OcspSigner): Promise<PreparedSigner> {
  const algorithm = signer.privateKey.algorithm as RsaHashedKeyAlgorithm;
  // JPKI keys are RSA-2048 with SHA-256 (JPKI.md); the WebCrypto key fixes the hash, so insist on it.
  if (algorithm.name !== "RSASSA-PKCS1-v1_5" || algorithm.hash?.name !== "SHA-256") {
    throw new JpkiError("KEY_UNSUPPORTED", "OCSP responses are signed with an RSASSA-PKCS1-v1_5 SHA-256 key");
  }
  // ResponderID byKey (RFC 6960 §4.2.2.3): SHA-1 of the signer's subjectPublicKey, as OpenSSL computes it.
  const { issuerKeyHash } = await issuerHashes(signer.certificate, "SHA-1");
  return {
    privateKey: signer.privateKey,
    responderId: tlv(TAG.context(2), octetString(issuerKeyHash)),
    // sha256WithRSAEncryption with explicit NULL parameters (RFC 4055 §5).
    signatureAlgorithm: sequence(oid(OID.sha256WithRSAEncryption), DER_NULL),
    certs: tlv(TAG.context(0), sequence(new Uint8Array(signer.certificate.rawData))),
  };
}

const GOOD = new Uint8Array([TAG.contextPrimitive(0), 0x00]);
const UNKNOWN = new Uint8Array([TAG.contextPrimitive(2), 0x00]);
const NONCE_OID = oid(OID.ocspNonce);
const BASIC_OID = oid(OID.ocspBasic);
const SUCCESSFUL = enumerated(0);

function encodeStatus(response: OcspSingleResponseInput): Uint8Array {
  switch (response.status) {
    case "good":
      return GOOD;
    case "unknown":
      return UNKNOWN;
    case "revoked":
      // RevokedInfo, [1] IMPLICIT: revocationTime, [0] EXPLICIT CRLReason (always set in JPKI).
      return tlv(
        TAG.context(1),
        generalizedTime(response.revokedAt),
        tlv(TAG.context(0), enumerated(revocationReasonCode(response.reason))),
      );
    default:
      throw new JpkiError("INVALID_ARGUMENT", `unknown certificate status ${String((response as { status: unknown }).status)}`);
  }
}

function encodeSingleResponse(response: OcspSingleResponseInput): Bytes {
  requireValidDate(response.thisUpdate, "thisUpdate");
  if (response.status === "revoked") requireValidDate(response.revokedAt, "revokedAt");
  const parts: Uint8Array[] = [encodeCertId(response.certId), encodeStatus(response), generalizedTime(response.thisUpdate)];
  if (response.nextUpdate) {
    requireValidDate(response.nextUpdate, "nextUpdate");
    if (response.nextUpdate.getTime() < response.thisUpdate.getTime()) {
      throw new JpkiError("INVALID_ARGUMENT", "nextUpdate is before thisUpdate");
    }
    parts.push(tlv(TAG.context(0), generalizedTime(response.nextUpdate)));
  }
  return sequence(...parts);
}


/** A signed, successful OCSPResponse (DER) with one SingleResponse per input, in order. */
export async function buildOcspResponse(options: BuildOcspResponseOptions): Promise<Bytes> {
  if (options.responses.length === 0) throw new JpkiError("INVALID_ARGUMENT", "an OCSP response needs a SingleResponse");
  const signer = await prepareSigner(options.signer);
  const producedAt = options.producedAt ?? new Date();
  requireValidDate(producedAt, "producedAt");
  const tbsParts: Uint8Array[] = [
    signer.responderId,
    generalizedTime(producedAt),
    sequence(...options.responses.map(encodeSingleResponse)),
  ];
  if (options.nonce !== undefined) {
    const nonceExtension = sequence(NONCE_OID, octetString(toBytes(options.nonce)));
    tbsParts.push(tlv(TAG.context(1), sequence(nonceExtension)));
  }
  const tbsResponseData = sequence(...tbsParts);
  let signature: ArrayBuffer;
  try {
    signature = await getCrypto().subtle.sign({ name: "RSASSA-PKCS1-v1_5" }, signer.privateKey, tbsResponseData);
  } catch (cause) {
    throw new JpkiError("SIGNER_FAILED", "signing the OCSP response failed", { cause });
  }
  const basic = sequence(
    tbsResponseData,
    signer.signatureAlgorithm,
    tlv(TAG.BIT_STRING, new Uint8Array([0]), new Uint8Array(signature)),
    ...(options.includeSignerCertificate === false ? [] : [signer.certs]),
  );
  return sequence(SUCCESSFUL, tlv(TAG.context(0), sequence(BASIC_OID, octetString(basic))));
}

const ERROR_RESPONSES = new Map<OcspErrorStatus, Bytes>(
  (Object.keys(OCSP_ERROR_STATUSES) as OcspErrorStatus[]).map((status) => [
    status,
    sequence(enumerated(OCSP_ERROR_STATUSES[status])),
  ]),
);

/** An unsigned error OCSPResponse (responseStatus only, no responseBytes — RFC 6960 §2.3). */
export function buildOcspErrorResponse(status: OcspErrorStatus): Bytes {
  const der = ERROR_RESPONSES.get(status);
  if (!der) throw new JpkiError("INVALID_ARGUMENT", `not an OCSP error status: ${String(status)}`);
  return der.slice();
}
