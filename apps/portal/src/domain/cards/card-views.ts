/**
 * What the wallet shows of a card (src/shared/api-types.ts): its certificates decoded — the four attributes
 * from the S certificate's subjectAltName exactly as written there, none for R (JPKI.md "The two
 * certificates") — and the PIN retry counters the applet holds.
 */
import { OID, parseCertificate, readJpkiOtherNames } from "@jpki-sandbox/jpki-core";
import type { VirtualCard } from "@jpki-sandbox/virtual-card";
import type { CardStatus, CardSummary, CardView, CertificateView, FourAttributesView, PinState } from "../../shared/api-types.js";
import type { CardRecord } from "../records.js";
import { pinStateOf } from "./card-pins.js";

/** "expired" is not stored: a card is expired when the sandbox clock passes its expiry (JPKI.md validity). */
export function effectiveCardStatus(record: CardRecord, now: Date): CardStatus {
  if (record.status === "active" && record.expiresAt.getTime() <= now.getTime()) return "expired";
  return record.status;
}

export function cardSummary(record: CardRecord, card: VirtualCard, now: Date): CardSummary {
  const signingPin: PinState | null = record.signingCertificatePem ? pinStateOf(card, "signing") : null;
  return {
    id: record.id,
    residentId: record.residentId,
    holderName: record.holderName,
    status: effectiveCardStatus(record, now),
    issuedAt: record.issuedAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
    hasSigningCertificate: record.signingCertificatePem !== null,
    pins: { userAuth: pinStateOf(card, "userAuth"), signing: signingPin },
  };
}

export function cardView(record: CardRecord, card: VirtualCard, now: Date): CardView {
  return {
    ...cardSummary(record, card, now),
    persona: record.persona,
    successorCardId: record.successorCardId,
    certificates: {
      userAuth: record.userAuthCertificatePem ? certificateView(record.userAuthCertificatePem) : null,
      signing: record.signingCertificatePem ? certificateView(record.signingCertificatePem) : null,
    },
  };
}

export function certificateView(pem: string): CertificateView {
  const parsed = parseCertificate(pem);
  return {
    kind: parsed.kind === "S" ? "S" : "R",
    serialNumber: parsed.serialNumber,
    serialNumberDecimal: parsed.serialNumberDecimal,
    subject: parsed.subject,
    issuer: parsed.issuer,
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    attributes: parsed.kind === "S" && parsed.attributes ? fourAttributesView(parsed, parsed.attributes) : null,
    pem: parsed.certificate.toString("pem"),
  };
}

type ParsedCertificate = ReturnType<typeof parseCertificate>;
type ParsedAttributes = NonNullable<ParsedCertificate["attributes"]>;

/** The decoded attributes, with the date of birth and sex as the SAN literally carries them (420100331, 2). */
function fourAttributesView(parsed: ParsedCertificate, attributes: ParsedAttributes): FourAttributesView {
  const san = parsed.certificate.extensions.find((extension) => extension.type === OID.subjectAltName);
  const raw = new Map(san ? readJpkiOtherNames(san.value).map(({ oid, value }) => [oid, value]) : []);
  return {
    name: attributes.name,
    dateOfBirth: attributes.dateOfBirth,
    dateOfBirthValue: raw.get(OID.attributeDateOfBirth) ?? "",
    sex: attributes.sex,
    sexValue: raw.get(OID.attributeSex) ?? "",
    address: attributes.address,
    nameSubstitutePositions: attributes.nameSubstitutePositions,
    addressSubstitutePositions: attributes.addressSubstitutePositions,
  };
}
