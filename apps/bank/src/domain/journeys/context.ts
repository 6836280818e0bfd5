/** What every journey's completion needs, and what it reports back even when it fails part-way. */
import type { ChallengeStore } from "@jpki-sandbox/jpki-core";
import type { CustomerBook } from "../customers.js";
import type { BankStore, JlisServices, PortalApprovals } from "../ports.js";
import type { LinkRecord } from "../records.js";
import type { CertificateVerifier } from "./verification.js";

export interface JourneyDeps {
  store: BankStore;
  jlis: JlisServices;
  portal: PortalApprovals;
  verifier: CertificateVerifier;
  customers: CustomerBook;
  challenges: ChallengeStore;
  /** Real time: challenge expiry, sessions, record times. Certificates are judged at jlis's sandbox time. */
  clock: () => Date;
}

/** Filled in as the completion goes; kept when it throws (a customer registered before ⑦ failed, say). */
export interface JourneyOutcome {
  customerId?: string;
  link?: LinkRecord;
  signerSerial?: string;
  /** Start a logged-in session for customerId. */
  startSession?: boolean;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
