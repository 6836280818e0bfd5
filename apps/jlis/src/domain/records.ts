/**
 * jlis's records as the domain sees them: plain data, no Prisma types. The store (src/store/) maps rows to
 * these; the HTTP layer maps these to JSON.
 */
import type { Bytes, CertificateKind, RevocationReason } from "@jpki-sandbox/jpki-core";

export type Sex = "male" | "female" | "unspecified";

/** Where a resident lives: the address line and the municipality it belongs to (JPKI.md personas). */
export interface ResidentAddress {
  address: string;
  prefecture: string;
  city: string;
  prefectureRomaji: string;
  cityRomaji: string;
  localGovernmentCode: string;
}

/** 住民: a synthetic resident. */
export interface Resident extends ResidentAddress {
  id: string;
  name: string;
  sex: Sex;
  dateOfBirth: string;
  deceasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a card stopped being the holder's card; "expired" is derived from the clock, never stored. */
export type StoredCardStatus = "active" | "renewed" | "lost" | "holderDeceased";
export type CardStatus = StoredCardStatus | "expired";

export interface Card {
  id: string;
  residentId: string;
  counterId: string;
  issuedAt: Date;
  expiresAt: Date;
  status: StoredCardStatus;
  endedAt: Date | null;
}

export interface CertificateRecord {
  /** Lower-case hex, no leading zeros (jpki-core's normalised form). */
  serialNumber: string;
  kind: CertificateKind;
  cardId: string;
  residentId: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  der: Bytes;
  prefectureRomaji: string;
  cityRomaji: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
  /** The S certificate this one replaced (old S → new S). */
  predecessorSerial: string | null;
}

export type CertificateStatus = "good" | "revoked" | "expired";

export function certificateStatusAt(certificate: CertificateRecord, at: Date): CertificateStatus {
  if (certificate.revokedAt) return "revoked";
  return certificate.notAfter.getTime() < at.getTime() ? "expired" : "good";
}

export function cardStatusAt(card: Card, at: Date): CardStatus {
  return card.status === "active" && card.expiresAt.getTime() < at.getTime() ? "expired" : card.status;
}

export type ClientKind = "counter" | "verifier";

/** A registered API client: a municipal counter or an accredited verifier (署名検証者). */
export interface Client {
  id: string;
  kind: ClientKind;
  name: string;
  secretHash: string;
  scopes: string[];
  createdAt: Date;
  disabledAt: Date | null;
}

export type ActorType = "counter" | "verifier" | "admin" | "system";
export type AuditOutcome = "ok" | "denied" | "error";

export interface AuditEventInput {
  actorType: ActorType;
  actorId: string;
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown> | null;
}

export interface AuditEvent extends Required<AuditEventInput> {
  id: string;
  at: Date;
}

/** CRL scope: the complete CRL of a CA, or one municipality's ("<prefectureRomaji>/<cityRomaji>"). */
export type CrlScope = "full" | `${string}/${string}`;

export interface CrlRecord {
  kind: CertificateKind;
  scope: CrlScope;
  crlNumber: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: number;
  der: Bytes;
}
