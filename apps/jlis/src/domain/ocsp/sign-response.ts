/**
 * Builds and signs the OCSPResponse for one parsed request: one SingleResponse per CertID, in request order
 * (RFC 6960 §4.2.1), signed by the CA's delegated responder with its certificate included (§4.2.2.2), the
 * request's nonce echoed unchanged (RFC 9654 §2.1).
 */
import {
  buildOcspResponse,
  certIdMatchesIssuer,
  type Bytes,
  type CertId,
  type CertificateKind,
  type CertificationAuthority,
  type OcspCertStatus,
  type OcspResponder,
  type ParsedOcspRequest,
} from "@jpki-sandbox/jpki-core";
import type { CertificateStatusSource } from "./status-source.js";

/** One CA and the delegated responder that signs its OCSP responses. */
export interface OcspAuthority {
  ca: CertificationAuthority;
  responder: OcspResponder;
}

export interface ResponseWindow {
  producedAt: Date;
  thisUpdate: Date;
  nextUpdate: Date;
}

export interface SignResponseOptions {
  kind: CertificateKind;
  authority: OcspAuthority;
  statuses: CertificateStatusSource;
  request: ParsedOcspRequest;
  window: ResponseWindow;
  /** Chaos "unknown": answer unknown for every CertID without asking the status source. */
  everyCertificateUnknown?: boolean;
}

const UNKNOWN: OcspCertStatus = { status: "unknown" };

export async function signStatusResponse(options: SignResponseOptions): Promise<Bytes> {
  const { window } = options;
  const responses = await Promise.all(
    options.request.certIds.map(async (certId) => ({
      certId,
      ...(options.everyCertificateUnknown ? UNKNOWN : await statusFor(certId, options)),
      thisUpdate: window.thisUpdate,
      nextUpdate: window.nextUpdate,
    })),
  );
  return buildOcspResponse({
    signer: options.authority.responder,
    responses,
    producedAt: window.producedAt,
    ...(options.request.nonce ? { nonce: options.request.nonce } : {}),
    includeSignerCertificate: true,
  });
}

async function statusFor(certId: CertId, options: SignResponseOptions): Promise<OcspCertStatus> {
  // A CertID naming another issuer (the other JPKI CA, a foreign CA, an unsupported hash) is not ours to
  // answer: "unknown" (RFC 6960 §2.2). The issuer hashes are computed once per CA and algorithm.
  if (!(await certIdMatchesIssuer(certId, options.authority.ca.certificate))) return UNKNOWN;
  const known = await options.statuses.statusOf(options.kind, certId.serialNumber);
  if (!known) return UNKNOWN;
  // Copy only the fields the builder reads: a store may hand back a richer record.
  return known.status === "revoked"
    ? { status: "revoked", revokedAt: known.revokedAt, reason: known.reason }
    : { status: "good" };
}
