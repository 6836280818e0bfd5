/**
 * Changes other jlis replicas must hear about (DESIGN.md "Growing past one machine"): a revocation makes
 * every replica drop its pre-signed OCSP answers for that serial; an operator change (clock, chaos) makes
 * every replica reload them from the database. On PostgreSQL this travels by LISTEN/NOTIFY; a single
 * process (PGlite) needs no feed.
 */
import type { CertificateKind } from "@jpki-sandbox/jpki-core";

export type ChangeEvent =
  | { type: "revoked"; certificates: { kind: CertificateKind; serialNumber: string }[] }
  | { type: "controls" };

export interface ChangeFeed {
  /** Tells the other replicas (never this one: it has already applied the change). */
  publish(event: ChangeEvent): Promise<void>;
  /** Called for changes made by other replicas. */
  subscribe(handler: (event: ChangeEvent) => void): void;
  close(): Promise<void>;
}

/** The feed of a lone process: nobody else to tell. */
export function createLocalChangeFeed(): ChangeFeed {
  return { publish: async () => undefined, subscribe: () => undefined, close: async () => undefined };
}
