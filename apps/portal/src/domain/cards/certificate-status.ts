/**
 * A card's certificates' live status, as a relying party would learn it: an RFC 6960 request with a nonce to
 * jlis's responder, the answer's signature, nonce and CertID checked at sandbox time (jpki-core). A failure
 * to learn the status is shown as "unavailable" with the reason, never as good.
 */
import { buildOcspRequest, parseCertificate, parseX509, verifyOcspResponse } from "@jpki-sandbox/jpki-core";
import type { CardStatusView, CertificateStatusView } from "../../shared/api-types.js";
import type { JlisCounter } from "../ports.js";
import type { CardRecord } from "../records.js";

export async function cardStatus(record: CardRecord, jlis: JlisCounter): Promise<CardStatusView> {
  const now = await jlis.now();
  const [userAuth, signing] = await Promise.all([
    record.userAuthCertificatePem ? certificateStatus(record.userAuthCertificatePem, "R", jlis, now) : null,
    record.signingCertificatePem ? certificateStatus(record.signingCertificatePem, "S", jlis, now) : null,
  ]);
  return { cardId: record.id, userAuth, signing };
}

export async function certificateStatus(pem: string, kind: "S" | "R", jlis: JlisCounter, now: Date): Promise<CertificateStatusView> {
  const parsed = parseCertificate(pem);
  const base = {
    kind,
    serialNumber: parsed.serialNumber,
    checkedAt: now.toISOString(),
    expired: parsed.notAfter.getTime() <= now.getTime(),
  };
  try {
    const issuer = parseX509(await jlis.caCertificate(kind));
    const request = await buildOcspRequest({ issuer, serialNumbers: [parsed.serialNumber], nonce: true });
    const response = await jlis.ocsp(kind, request.der);
    const verified = await verifyOcspResponse(response, {
      issuer,
      at: now,
      serialNumber: parsed.serialNumber,
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const single = verified.single;
    if (!single) return { ...base, status: "unavailable", error: "the response does not answer for this certificate" };
    return {
      ...base,
      status: single.status,
      ...(single.revokedAt ? { revokedAt: single.revokedAt.toISOString() } : {}),
      ...(single.reason ? { reason: single.reason } : single.reasonCode !== undefined ? { reason: `reasonCode ${single.reasonCode}` } : {}),
      thisUpdate: single.thisUpdate.toISOString(),
      producedAt: verified.response.producedAt.toISOString(),
    };
  } catch (error) {
    return { ...base, status: "unavailable", error: error instanceof Error ? error.message : String(error) };
  }
}
