import { normaliseSerialNumber, parseCertificate, type IssuedCertificate } from "@jpki-sandbox/jpki-core";
import type { Card, CertificateRecord, Resident } from "../records.js";

/** The stored record of a certificate jlis just issued. */
export function recordOf(
  certificate: IssuedCertificate["certificate"],
  context: { card: Card; resident: Resident; issuedAt: Date; predecessorSerial: string | null },
): CertificateRecord {
  const parsed = parseCertificate(new Uint8Array(certificate.rawData));
  if (parsed.kind !== "S" && parsed.kind !== "R") throw new Error(`issued certificate has unexpected kind ${parsed.kind}`);
  return {
    serialNumber: normaliseSerialNumber(parsed.serialNumber),
    kind: parsed.kind,
    cardId: context.card.id,
    residentId: context.resident.id,
    subject: parsed.subject,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    der: parsed.der,
    prefectureRomaji: context.resident.prefectureRomaji,
    cityRomaji: context.resident.cityRomaji,
    issuedAt: context.issuedAt,
    revokedAt: null,
    revocationReason: null,
    predecessorSerial: context.predecessorSerial,
  };
}
