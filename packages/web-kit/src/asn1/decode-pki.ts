/**
 * Human summaries of the messages the slide's flow sends: an X.509 certificate, an OCSPRequest and an
 * OCSPResponse (RFC 6960), decoded by jpki-core's own parsers so the viewer says exactly what the bank and
 * J-LIS read. Every decoder is total: garbage gives `{ ok: false, error }`, never an exception. Summaries are
 * plain JSON (times as ISO 8601 strings), so a server can decode and a page show. CMS is ./decode-cms.ts.
 */
import { bytesToHex, parseCertificate, parseOcspRequest, parseOcspResponse, x509, type FourAttributes } from "@jpki-sandbox/jpki-core";
import { oidName } from "./values.js";

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Runs a decoder; whatever it throws becomes the error. */
export function attempt<T>(work: () => T): Decoded<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** "1.3.14.3.2.26" → "sha1 (1.3.14.3.2.26)". */
export function describeOid(oid: string): string {
  const name = oidName(oid);
  return name === undefined ? oid : `${name} (${oid})`;
}

export interface CertificateSummary {
  /** S (署名用), R (利用者証明用) or other (a CA, an OCSP responder…). */
  kind: "S" | "R" | "other";
  subject: string;
  issuer: string;
  /** Hex, lower case. */
  serialNumber: string;
  serialNumberDecimal: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  policies: string[];
  isCa: boolean;
  /** S only: the four attributes (基本4情報) from subjectAltName. */
  attributes?: FourAttributes;
  attributesError?: string;
  ocspUrls: string[];
}

/** An X.509 certificate (DER) through jpki-core's parseCertificate. */
export function decodeCertificate(der: Uint8Array): Decoded<CertificateSummary> {
  return attempt(() => {
    const parsed = parseCertificate(der as Uint8Array<ArrayBuffer>);
    return {
      kind: parsed.kind,
      subject: parsed.subject,
      issuer: parsed.issuer,
      serialNumber: parsed.serialNumber,
      serialNumberDecimal: parsed.serialNumberDecimal,
      notBefore: parsed.notBefore.toISOString(),
      notAfter: parsed.notAfter.toISOString(),
      policies: parsed.policies,
      isCa: parsed.isCa,
      ...(parsed.attributes === undefined ? {} : { attributes: parsed.attributes }),
      ...(parsed.attributesError === undefined ? {} : { attributesError: parsed.attributesError }),
      ocspUrls: parsed.ocspUrls,
    };
  });
}

export interface CertIdSummary {
  /** The hash algorithm's OID and name. */
  hashAlgorithm: string;
  issuerNameHash: string;
  issuerKeyHash: string;
  /** Hex, lower case: the certificate asked about. */
  serialNumber: string;
}

export interface OcspRequestSummary {
  certIds: CertIdSummary[];
  /** Hex of the nonce's octets (RFC 8954), or of the whole extnValue when it is not an OCTET STRING. */
  nonce?: string;
  signed: boolean;
  otherExtensions: string[];
}

function certIdSummary(certId: { hashAlgorithm: string; issuerNameHash: Uint8Array; issuerKeyHash: Uint8Array; serialNumber: string }): CertIdSummary {
  return {
    hashAlgorithm: describeOid(certId.hashAlgorithm),
    issuerNameHash: bytesToHex(certId.issuerNameHash),
    issuerKeyHash: bytesToHex(certId.issuerKeyHash),
    serialNumber: certId.serialNumber,
  };
}

/** ⑤ / ⑤': the OCSPRequest the bank sent, through jpki-core's parseOcspRequest (the responder's own parser). */
export function decodeOcspRequest(der: Uint8Array): Decoded<OcspRequestSummary> {
  return attempt(() => {
    const parsed = parseOcspRequest(der as Uint8Array<ArrayBuffer>);
    const nonce = parsed.nonceValue ?? parsed.nonce;
    return {
      certIds: parsed.certIds.map(certIdSummary),
      ...(nonce === undefined ? {} : { nonce: bytesToHex(nonce) }),
      signed: parsed.signed,
      otherExtensions: parsed.otherExtensions.map((e) => `${describeOid(e.id)}${e.critical ? " (critical)" : ""}`),
    };
  });
}

export interface SingleResponseSummary {
  certId: CertIdSummary;
  certStatus: "good" | "revoked" | "unknown";
  /** ISO 8601, like every time here. */
  revocationTime?: string;
  /** The CRLReason by name (affiliationChanged, superseded, keyCompromise, cessationOfOperation…). */
  revocationReason?: string;
  thisUpdate: string;
  nextUpdate?: string;
}

export interface OcspResponseSummary {
  /** successful, malformedRequest, internalError, tryLater, sigRequired, unauthorized. */
  responseStatus: string;
  /** "byName: CN=…" or "byKey: <SHA-1 of the responder's key>". */
  responderId?: string;
  producedAt?: string;
  responses: SingleResponseSummary[];
  nonce?: string;
  signatureAlgorithm?: string;
  /** Subjects of the certificates the response carries (the delegated responder's). */
  certificates: string[];
}

const CRL_REASONS = ["unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "", "removeFromCRL", "privilegeWithdrawn", "aACompromise"];

/** A DER Name as an RFC 4514 string (the way @peculiar/x509 writes subjects). */
export function nameOf(der: Uint8Array): string {
  try {
    return new x509.Name(der as Uint8Array<ArrayBuffer>).toString();
  } catch {
    return `(unreadable name) ${bytesToHex(der)}`;
  }
}

/** The nonce as received: the octets inside the RFC 8954 OCTET STRING when it is one. */
function nonceHex(extnValue: Uint8Array): string {
  const short = extnValue[0] === 0x04 && extnValue[1] === extnValue.length - 2;
  return bytesToHex(short ? extnValue.subarray(2) : extnValue);
}

/** ⑥ / ⑥': J-LIS's answer, through jpki-core's parseOcspResponse (the bank's own parser). */
export function decodeOcspResponse(der: Uint8Array): Decoded<OcspResponseSummary> {
  return attempt(() => {
    const parsed = parseOcspResponse(der as Uint8Array<ArrayBuffer>);
    if (parsed.responseStatus !== "successful") return { responseStatus: parsed.responseStatus, responses: [], certificates: [] };
    return {
      responseStatus: parsed.responseStatus,
      responderId: "byKey" in parsed.responderId ? `byKey: ${bytesToHex(parsed.responderId.byKey)}` : `byName: ${nameOf(parsed.responderId.byName)}`,
      producedAt: parsed.producedAt.toISOString(),
      responses: parsed.responses.map((single) => ({
        certId: certIdSummary(single.certId),
        certStatus: single.status,
        ...(single.revokedAt === undefined ? {} : { revocationTime: single.revokedAt.toISOString() }),
        ...(single.reasonCode === undefined ? {} : { revocationReason: single.reason ?? CRL_REASONS[single.reasonCode] ?? `reason ${single.reasonCode}` }),
        thisUpdate: single.thisUpdate.toISOString(),
        ...(single.nextUpdate === undefined ? {} : { nextUpdate: single.nextUpdate.toISOString() }),
      })),
      ...(parsed.nonce === undefined ? {} : { nonce: nonceHex(parsed.nonce) }),
      signatureAlgorithm: describeOid(parsed.signatureAlgorithm),
      certificates: parsed.certificates.map((c) => c.subject),
    };
  });
}
