/** JSON shapes of the HTTP API (README "HTTP API"); dates as ISO strings, DER as PEM. */
import { toPem } from "@jpki-sandbox/jpki-core";
import type { Card, CertificateRecord, Resident } from "../domain/records.js";
import { cardStatusAt, certificateStatusAt } from "../domain/records.js";

export function clockJson(clock: { now: Date; offsetMs: number }) {
  return { now: clock.now.toISOString(), offsetMs: clock.offsetMs };
}

export function certificateJson(certificate: CertificateRecord, at: Date) {
  return {
    serialNumber: certificate.serialNumber,
    kind: certificate.kind,
    status: certificateStatusAt(certificate, at),
    subject: certificate.subject,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    ...(certificate.revokedAt
      ? { revokedAt: certificate.revokedAt.toISOString(), revocationReason: certificate.revocationReason }
      : {}),
    residentId: certificate.residentId,
    cardId: certificate.cardId,
    municipality: { prefectureRomaji: certificate.prefectureRomaji, cityRomaji: certificate.cityRomaji },
    ...(certificate.predecessorSerial ? { predecessorSerialNumber: certificate.predecessorSerial } : {}),
    pem: toPem(certificate.der, "CERTIFICATE"),
  };
}

export function cardJson(card: Card, at: Date) {
  return {
    id: card.id,
    residentId: card.residentId,
    status: cardStatusAt(card, at),
    issuedAt: card.issuedAt.toISOString(),
    expiresAt: card.expiresAt.toISOString(),
    endedAt: card.endedAt?.toISOString() ?? null,
  };
}

export function residentJson(resident: Resident) {
  return {
    id: resident.id,
    name: resident.name,
    sex: resident.sex,
    dateOfBirth: resident.dateOfBirth,
    address: resident.address,
    prefecture: resident.prefecture,
    city: resident.city,
    prefectureRomaji: resident.prefectureRomaji,
    cityRomaji: resident.cityRomaji,
    localGovernmentCode: resident.localGovernmentCode,
    deceasedAt: resident.deceasedAt?.toISOString() ?? null,
    createdAt: resident.createdAt.toISOString(),
    updatedAt: resident.updatedAt.toISOString(),
  };
}
