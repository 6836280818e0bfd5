/**
 * Where the OCSP responder learns a certificate's status: a port, so the domain never touches Prisma. The
 * store implements it over the certificates table; tests and the bench use the in-memory one below.
 */
import { normaliseSerialNumber, type CertificateKind, type RevocationReason } from "@jpki-sandbox/jpki-core";

/** What the issuing CA knows about one certificate it issued (JPKI.md "Revocation and status"). */
export type CertificateStatus =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; reason: RevocationReason };

export interface CertificateStatusSource {
  /**
   * The status of the certificate with this serial issued by the `kind` CA, or `undefined` when that CA never
   * issued it (the responder then answers "unknown", RFC 6960 §2.2).
   * @param serialNumber lower-case hex without leading zero octets (jpki-core's `normaliseSerialNumber`).
   */
  statusOf(kind: CertificateKind, serialNumber: string): Promise<CertificateStatus | undefined>;
}

export interface InMemoryStatusSource extends CertificateStatusSource {
  /** Records a certificate as issued and good. */
  issue(kind: CertificateKind, serialNumber: string): void;
  revoke(kind: CertificateKind, serialNumber: string, revokedAt: Date, reason: RevocationReason): void;
  /** How many times `statusOf` was asked (tests check that cache hits never ask). */
  readonly lookups: number;
}

/** A status source held in a Map (tests, the bench): keyed by kind and normalised serial. */
export function createInMemoryStatusSource(): InMemoryStatusSource {
  const statuses = new Map<string, CertificateStatus>();
  const keyOf = (kind: CertificateKind, serial: string) => `${kind}:${normaliseSerialNumber(serial)}`;
  let lookups = 0;
  return {
    async statusOf(kind, serialNumber) {
      lookups++;
      return statuses.get(keyOf(kind, serialNumber));
    },
    issue(kind, serialNumber) {
      statuses.set(keyOf(kind, serialNumber), { status: "good" });
    },
    revoke(kind, serialNumber, revokedAt, reason) {
      statuses.set(keyOf(kind, serialNumber), { status: "revoked", revokedAt, reason });
    },
    get lookups() {
      return lookups;
    },
  };
}
