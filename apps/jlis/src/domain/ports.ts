/**
 * What the domain needs from persistence. src/store/ implements it with Prisma; domain code depends only
 * on these interfaces, so it has no database in it and tests can see exactly what is stored.
 */
import type { CertificateKind, RevocationReason } from "@jpki-sandbox/jpki-core";
import type {
  AuditEvent,
  AuditEventInput,
  Card,
  CertificateRecord,
  Client,
  ClientKind,
  CrlRecord,
  CrlScope,
  Resident,
  ResidentAddress,
  StoredCardStatus,
} from "./records.js";

export interface CertificateFilter {
  kind?: CertificateKind;
  residentId?: string;
  cardId?: string;
  revoked?: boolean;
  limit?: number;
}

export interface RevokedEntry {
  serialNumber: string;
  revokedAt: Date;
  reason: RevocationReason;
}

export interface JlisStore {
  residents: {
    create(resident: Resident): Promise<void>;
    get(id: string): Promise<Resident | undefined>;
    list(limit?: number): Promise<Resident[]>;
    count(): Promise<number>;
    updateAddress(id: string, address: ResidentAddress, at: Date): Promise<void>;
    updateName(id: string, name: string, at: Date): Promise<void>;
    markDeceased(id: string, at: Date): Promise<void>;
  };
  cards: {
    create(card: Card): Promise<void>;
    get(id: string): Promise<Card | undefined>;
    ofResident(residentId: string): Promise<Card[]>;
    /** Ends an active card; false when it was no longer active (someone else ended it first). */
    end(id: string, status: Exclude<StoredCardStatus, "active">, at: Date): Promise<boolean>;
  };
  certificates: {
    insert(certificate: CertificateRecord): Promise<void>;
    get(serialNumber: string): Promise<CertificateRecord | undefined>;
    list(filter?: CertificateFilter): Promise<CertificateRecord[]>;
    countByStatus(kind: CertificateKind, at: Date): Promise<{ good: number; revoked: number; expired: number }>;
    /** Sets the revocation once; false when it was already revoked (revocation is final). */
    revoke(serialNumber: string, reason: RevocationReason, at: Date): Promise<boolean>;
    /** The certificate that names `serialNumber` as its predecessor. */
    successorOf(serialNumber: string): Promise<CertificateRecord | undefined>;
    /** Revoked certificates of a CA, optionally only one municipality's (CRL scope). */
    revokedEntries(kind: CertificateKind, municipality?: { prefectureRomaji: string; cityRomaji: string }): Promise<RevokedEntry[]>;
    /** Municipalities that have certificates of this kind (each gets a CRL). */
    municipalities(kind: CertificateKind): Promise<{ prefectureRomaji: string; cityRomaji: string }[]>;
  };
  clients: {
    upsert(client: Client): Promise<void>;
    get(id: string): Promise<Client | undefined>;
    list(kind: ClientKind): Promise<Client[]>;
  };
  sequences: {
    /** Atomically increments and returns the counter's request sequence for a Japan day (YYYY-MM-DD). */
    next(counterId: string, day: string): Promise<number>;
  };
  crls: {
    latest(kind: CertificateKind, scope: CrlScope): Promise<CrlRecord | undefined>;
    /** Stores a CRL; its number must be greater than the latest of its scope. */
    insert(crl: CrlRecord): Promise<void>;
    latestOfEveryScope(): Promise<CrlRecord[]>;
  };
  audit: {
    record(event: AuditEventInput, at: Date): Promise<void>;
    list(options: { limit: number; before?: string }): Promise<AuditEvent[]>;
  };
  settings: {
    get<T>(key: string): Promise<T | undefined>;
    set(key: string, value: unknown, at: Date): Promise<void>;
  };
}
