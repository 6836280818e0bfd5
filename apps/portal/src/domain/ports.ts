/**
 * What the portal's domain needs from the outside, as interfaces: its store (Prisma, src/store) and jlis
 * (HTTP, src/jlis). The domain never sees either implementation.
 */
import type { Bytes, Persona } from "@jpki-sandbox/jpki-core";
import type { ResidentAddress } from "../shared/api-types.js";
import type { BankClientRecord, CardRecord, SigningRequestRecord, SigningRequestStatus } from "./records.js";

export interface PortalStore {
  cards: {
    get(id: string): Promise<CardRecord | undefined>;
    list(): Promise<CardRecord[]>;
    insert(card: Omit<CardRecord, "version" | "createdAt" | "successorCardId">): Promise<CardRecord>;
    /** Writes `changes` if the stored version is still `expectedVersion`; false when someone wrote first. */
    update(id: string, expectedVersion: number, changes: Partial<Omit<CardRecord, "id" | "version" | "createdAt">>): Promise<boolean>;
  };
  bankClients: {
    get(id: string): Promise<BankClientRecord | undefined>;
    list(): Promise<BankClientRecord[]>;
    upsert(client: Omit<BankClientRecord, "createdAt" | "disabledAt">): Promise<BankClientRecord>;
  };
  signingRequests: {
    get(id: string): Promise<SigningRequestRecord | undefined>;
    getByCodeHash(codeHash: string): Promise<SigningRequestRecord | undefined>;
    insert(request: Omit<SigningRequestRecord, "createdAt" | "status" | "cardId" | "codeHash" | "codeExpiresAt" | "result" | "completedAt">): Promise<SigningRequestRecord>;
    /** Moves the request from `from` to the new status with `changes`; false when it was no longer `from`. */
    transition(
      id: string,
      from: SigningRequestStatus,
      changes: Partial<Pick<SigningRequestRecord, "status" | "cardId" | "codeHash" | "codeExpiresAt" | "result" | "completedAt">>,
    ): Promise<boolean>;
  };
}

/** A certificate as jlis returns it (apps/jlis README "HTTP API"). */
export interface JlisCertificate {
  serialNumber: string;
  kind: "S" | "R";
  status: "good" | "revoked" | "expired";
  notBefore: string;
  notAfter: string;
  pem: string;
}

export interface JlisIssuedCard {
  card: { id: string; residentId: string; issuedAt: string; expiresAt: string };
  userAuthCertificate: JlisCertificate;
  signingCertificate?: JlisCertificate;
}


/** jlis's municipal-counter API (the portal is a registered counter) plus its open services. */
export interface JlisCounter {
  registerResident(persona: Persona): Promise<{ id: string }>;
  issueCard(residentId: string, request: { userAuthCsr: string; signingCsr?: string; requestSigningCertificate?: boolean }): Promise<JlisIssuedCard>;
  changeAddress(cardId: string, address: ResidentAddress, signingCsr?: string): Promise<{ revoked: JlisCertificate[]; signingCertificate?: JlisCertificate }>;
  changeName(cardId: string, name: string, signingCsr?: string): Promise<{ revoked: JlisCertificate[]; signingCertificate?: JlisCertificate }>;
  renew(cardId: string, request: { userAuthCsr: string; signingCsr?: string; requestSigningCertificate?: boolean }): Promise<JlisIssuedCard & { revoked: JlisCertificate[] }>;
  reportLoss(cardId: string): Promise<{ revoked: JlisCertificate[] }>;
  /** The sandbox time (jlis owns it, DESIGN.md "The sandbox clock"). */
  now(): Promise<Date>;
  /** The sandbox time from the last offset read (real time before the first), for synchronous callers. */
  lastKnownNow(): Date;
  /** The CA certificate (DER) of S or R. */
  caCertificate(kind: "S" | "R"): Promise<Bytes>;
  /** POSTs an OCSP request (DER) to jlis's responder for the kind; returns the response DER. */
  ocsp(kind: "S" | "R", request: Bytes): Promise<Bytes>;
}
