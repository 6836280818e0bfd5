/** What the portal stores, as plain values (the store maps them to and from Prisma rows). */
import type { Persona } from "@jpki-sandbox/jpki-core";

export type StoredCardStatus = "active" | "renewed" | "lost" | "holderDeceased";

export interface CardRecord {
  id: string;
  residentId: string;
  holderName: string;
  persona: Persona;
  status: StoredCardStatus;
  issuedAt: Date;
  expiresAt: Date;
  /** The virtual card's exported state (JSON; private keys encrypted under the card key). */
  state: unknown;
  /** Bumped on every write; a write with a stale version is refused (optimistic concurrency). */
  version: number;
  userAuthSerial: string | null;
  signingSerial: string | null;
  userAuthCertificatePem: string | null;
  signingCertificatePem: string | null;
  /** The card that replaced this one at renewal. */
  successorCardId: string | null;
  createdAt: Date;
}

export interface BankClientRecord {
  id: string;
  name: string;
  secretHash: string;
  returnOrigins: string[];
  createdAt: Date;
  disabledAt: Date | null;
}

export type SigningRequestKind = "sign" | "auth";
export type SigningRequestStatus = "pending" | "approved" | "redeemed" | "cancelled";

export interface SigningRequestRecord {
  id: string;
  clientId: string;
  kind: SigningRequestKind;
  /** The document (sign) or the challenge (auth), base64. */
  payload: string;
  contentType: string | null;
  displayText: string;
  returnUrl: string;
  state: string;
  status: SigningRequestStatus;
  cardId: string | null;
  codeHash: string | null;
  codeExpiresAt: Date | null;
  result: unknown;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
}
