/**
 * Revocation (JPKI.md "Revocation and status"): final (certificateHold is never used), always with a reason,
 * and visible in the very next OCSP answer and CRL — listeners (OCSP cache, CRL publisher) run before
 * `revoke` returns.
 */
import type { RevocationReason } from "@jpki-sandbox/jpki-core";
import type { Clock } from "./clock.js";
import { JlisError } from "./errors.js";
import type { JlisStore } from "./ports.js";
import type { CertificateRecord } from "./records.js";

export type RevocationListener = (revoked: readonly CertificateRecord[]) => Promise<void> | void;

export interface RevocationService {
  /** Revokes one certificate; CERTIFICATE_ALREADY_REVOKED if it was (revocation is final). */
  revoke(serialNumber: string, reason: RevocationReason): Promise<CertificateRecord>;
  /** Revokes each still-valid certificate of the list with one reason; returns those it revoked. */
  revokeAll(certificates: readonly CertificateRecord[], reason: RevocationReason): Promise<CertificateRecord[]>;
  onRevoked(listener: RevocationListener): void;
}

export function createRevocationService(store: JlisStore, clock: Clock): RevocationService {
  const listeners: RevocationListener[] = [];

  async function revokeQuietly(certificate: CertificateRecord, reason: RevocationReason, at: Date) {
    if (certificate.kind === "R" && reason === "affiliationChanged") {
      // JPKI.md: R carries no attributes, so a change of address or name never revokes it.
      throw new JlisError("VALIDATION_FAILED", "affiliationChanged applies to signing (S) certificates only");
    }
    if (!(await store.certificates.revoke(certificate.serialNumber, reason, at))) return undefined;
    return { ...certificate, revokedAt: at, revocationReason: reason };
  }

  async function notify(revoked: CertificateRecord[]) {
    if (revoked.length > 0) for (const listener of listeners) await listener(revoked);
  }

  return {
    async revoke(serialNumber, reason) {
      const certificate = await store.certificates.get(serialNumber);
      if (!certificate) throw new JlisError("CERTIFICATE_NOT_FOUND", `no certificate with serial ${serialNumber}`);
      const revoked = await revokeQuietly(certificate, reason, clock.now());
      if (!revoked) {
        throw new JlisError("CERTIFICATE_ALREADY_REVOKED", `certificate ${serialNumber} is already revoked; revocation is final`);
      }
      await notify([revoked]);
      return revoked;
    },
    async revokeAll(certificates, reason) {
      const at = clock.now();
      const revoked: CertificateRecord[] = [];
      for (const certificate of certificates) {
        if (certificate.revokedAt) continue;
        const done = await revokeQuietly(certificate, reason, at);
        if (done) revoked.push(done);
      }
      await notify(revoked);
      return revoked;
    },
    onRevoked(listener) {
      listeners.push(listener);
    },
  };
}
