/**
 * What the bank's domain needs from the outside: its store, J-LIS (clock, CA certificates, OCSP, linkage) and
 * the portal (signing approvals). Implemented in src/store, src/clients; faked in unit tests.
 */
import type { Bytes } from "@jpki-sandbox/jpki-core";
import type {
  ApplicationRecord,
  ChallengeRecord,
  CustomerRecord,
  JourneyRecord,
  LinkRecord,
  RevalidationRunRecord,
  SessionRecord,
  StatusEventRecord,
} from "./records.js";

export interface BankStore {
  customers: {
    get(id: string): Promise<CustomerRecord | undefined>;
    list(): Promise<CustomerRecord[]>;
    insert(customer: CustomerRecord): Promise<void>;
    update(id: string, changes: Partial<Omit<CustomerRecord, "id" | "createdAt">>): Promise<void>;
  };
  links: {
    /** The customer's active link. */
    activeOf(customerId: string): Promise<LinkRecord | undefined>;
    listOf(customerId: string): Promise<LinkRecord[]>;
    /** Active links only. */
    findByUserAuthSerial(serial: string): Promise<LinkRecord | undefined>;
    findBySigningSerial(serial: string): Promise<LinkRecord | undefined>;
    listActive(): Promise<LinkRecord[]>;
    /** Deactivates the customer's active link (if any) and inserts `link` as the active one, atomically. */
    replace(link: LinkRecord): Promise<void>;
    /** Sets the R serial of an active link. */
    setUserAuthSerial(id: string, serial: string | null): Promise<void>;
  };
  applications: {
    insert(application: ApplicationRecord): Promise<void>;
    listOf(customerId: string): Promise<ApplicationRecord[]>;
  };
  journeys: {
    get(id: string): Promise<JourneyRecord | undefined>;
    getByState(state: string): Promise<JourneyRecord | undefined>;
    listOf(customerId: string): Promise<JourneyRecord[]>;
    /** The newest `limit` journeys a browser started (its browserHash), newest first. */
    listOfBrowser(browserHash: string, limit: number): Promise<JourneyRecord[]>;
    insert(journey: JourneyRecord): Promise<void>;
    /** Updates a journey still in `from`; false when another request got there first. */
    transition(id: string, from: JourneyRecord["status"], changes: Partial<JourneyRecord>): Promise<boolean>;
    /** Saves progress (steps) without a status change. */
    update(id: string, changes: Partial<JourneyRecord>): Promise<void>;
  };
  challenges: {
    insert(challenge: ChallengeRecord): Promise<void>;
    /** Marks it consumed if it was not: the previous record, or undefined when unknown. */
    consume(id: string, at: Date): Promise<ChallengeRecord | undefined>;
  };
  sessions: {
    get(tokenHash: string): Promise<SessionRecord | undefined>;
    insert(session: SessionRecord): Promise<void>;
    delete(tokenHash: string): Promise<void>;
  };
  events: {
    insert(event: StatusEventRecord): Promise<void>;
    listOf(customerId: string): Promise<StatusEventRecord[]>;
  };
  revalidations: {
    insert(run: RevalidationRunRecord): Promise<void>;
    update(id: string, changes: Partial<RevalidationRunRecord>): Promise<void>;
    list(limit: number): Promise<RevalidationRunRecord[]>;
  };
}

export type CertificateKind = "S" | "R";

/** J-LIS as the bank, an accredited verifier (署名検証者), uses it. */
export interface JlisServices {
  /** The sandbox time (asks jlis). */
  now(): Promise<Date>;
  /** The CA certificate (trust anchor) of S or R, DER. */
  caCertificate(kind: CertificateKind): Promise<Bytes>;
  /** POSTs an OCSP request (DER) and returns the response (DER). */
  ocsp(kind: CertificateKind, request: Bytes): Promise<Bytes>;
  /** Linkage 1 (⑦⑧): S serial → the holder's current R serial. */
  userAuthSerialOf(signingSerial: string): Promise<string>;
  /** Linkage 2: old S → the holder's current S (serial, PEM, and the succession, oldest first). */
  currentSigningCertificateOf(signingSerial: string): Promise<{ serialNumber: string; pem: string; succession: string[]; status: string }>;
  /** Linkage 3: the latest four attributes, with a consent CMS (DER) signed by the holder's current S. */
  latestAttributes(consentCms: Bytes): Promise<{ name: string; dateOfBirth: string | null; sex: string; address: string }>;
}

export type ApprovalRequest =
  | { kind: "sign"; document: Bytes; documentContentType: string; displayText: string; returnUrl: string; state: string }
  | { kind: "auth"; challenge: Bytes; displayText: string; returnUrl: string; state: string };

export type ApprovalResult =
  | { kind: "sign"; requestId: string; signedData: Bytes; signingCertificatePem: string }
  | { kind: "auth"; requestId: string; signature: Bytes; userAuthCertificatePem: string };

/** The portal's signing approvals, as a registered bank client. */
export interface PortalApprovals {
  create(request: ApprovalRequest): Promise<{ id: string; approvalUrl: string; expiresAt: Date }>;
  /** Redeems the one-time code (once); the portal's refusals become APPROVAL_* BankErrors. */
  redeem(code: string, state: string): Promise<ApprovalResult>;
}
