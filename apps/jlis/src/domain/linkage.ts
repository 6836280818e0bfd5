/**
 * The linkage services J-LIS offers accredited verifiers (JPKI.md "Linkage services"):
 * 1. S → R (Act art. 18(5)): the serial of the holder's current user-authentication certificate (⑦⑧);
 * 2. old S → current S (art. 18(4)): follow the succession recorded at each move, name change or renewal;
 * 3. latest four attributes, only with the holder's consent signed by their current S.
 */
import { normaliseSerialNumber, parseCertificate, toPem, verifyCms, type Bytes } from "@jpki-sandbox/jpki-core";
import { z } from "zod";
import type { Clock } from "./clock.js";
import { JlisError } from "./errors.js";
import type { JlisStore } from "./ports.js";
import { certificateStatusAt, type CertificateRecord, type CertificateStatus } from "./records.js";

/** The consent document a holder signs for linkage 3 (JSON, the content of an attached CMS SignedData). */
export const consentSchema = z.object({
  type: z.literal("jpki-sandbox/linkage-consent"),
  /** The verifier the holder allows to fetch their latest attributes. */
  verifierId: z.string().min(1),
  purpose: z.string().max(500).optional(),
  issuedAt: z.iso.datetime({ offset: true }),
});
export type Consent = z.infer<typeof consentSchema>;

/** A consent is good for this long after it was signed. */
export const CONSENT_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** Tolerated clock difference between the signer and jlis. */
const CONSENT_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface CertificateSummary {
  serialNumber: string;
  status: CertificateStatus;
  notAfter: Date;
  revokedAt?: Date;
  revocationReason?: string;
}

export function summaryOf(certificate: CertificateRecord, at: Date): CertificateSummary {
  return {
    serialNumber: certificate.serialNumber,
    status: certificateStatusAt(certificate, at),
    notAfter: certificate.notAfter,
    ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt, revocationReason: certificate.revocationReason ?? undefined } : {}),
  };
}

export function createLinkageService(store: JlisStore, clock: Clock) {
  /** `serial`: normalised hex (jpki-core's normaliseSerialNumber), as the HTTP layer passes it. */
  async function signingCertificate(serial: string): Promise<CertificateRecord> {
    const certificate = await store.certificates.get(serial);
    if (!certificate || certificate.kind !== "S") {
      throw new JlisError("CERTIFICATE_NOT_FOUND", `no signing certificate with serial ${serial}`);
    }
    return certificate;
  }

  async function currentOf(certificate: CertificateRecord): Promise<{ current: CertificateRecord; chain: string[] }> {
    const chain = [certificate.serialNumber];
    let current = certificate;
    for (let next = await store.certificates.successorOf(current.serialNumber); next; next = await store.certificates.successorOf(current.serialNumber)) {
      current = next;
      chain.push(next.serialNumber);
    }
    return { current, chain };
  }

  return {
    /** ⑦⑧ S serial → the holder's current R serial. */
    async userAuthCertificateOf(sSerial: string) {
      const signing = await signingCertificate(sSerial);
      const now = clock.now();
      const live = (await store.certificates.list({ residentId: signing.residentId, kind: "R", revoked: false })).find(
        (r) => certificateStatusAt(r, now) === "good",
      );
      if (!live) {
        throw new JlisError("NO_CURRENT_CERTIFICATE", "the holder has no valid user-authentication certificate", {
          details: { signingCertificate: summaryOf(signing, now) },
        });
      }
      return { signingCertificate: summaryOf(signing, now), userAuthCertificate: summaryOf(live, now) };
    },

    /** Old S → the holder's current S, with the succession chain (oldest first). */
    async currentSigningCertificateOf(sSerial: string) {
      const { current, chain } = await currentOf(await signingCertificate(sSerial));
      const now = clock.now();
      return {
        requestedSerialNumber: chain[0],
        currentSigningCertificate: { ...summaryOf(current, now), pem: toPem(current.der, "CERTIFICATE") },
        succession: chain,
      };
    },

    /** Latest four attributes, with a consent CMS signed by the holder's current S naming this verifier. */
    async latestAttributes(consentCms: Bytes, verifierId: string) {
      let verified: Awaited<ReturnType<typeof verifyCms>>;
      try {
        verified = await verifyCms(consentCms);
      } catch (error) {
        throw new JlisError("CONSENT_INVALID", `the consent is not a valid CMS signature: ${(error as Error).message}`, { cause: error });
      }
      const signer = parseCertificate(new Uint8Array(verified.signerCertificate.rawData));
      const stored = await store.certificates.get(normaliseSerialNumber(signer.serialNumber));
      if (!stored || stored.kind !== "S" || !Buffer.from(stored.der).equals(Buffer.from(signer.der))) {
        throw new JlisError("CONSENT_INVALID", "the consent is not signed with a signing certificate issued by this J-LIS");
      }
      const now = clock.now();
      const status = certificateStatusAt(stored, now);
      if (status !== "good") {
        throw new JlisError("CONSENT_INVALID", `the consent's signing certificate is ${status}: the holder must sign with their current card`);
      }
      let consent: Consent;
      try {
        consent = consentSchema.parse(JSON.parse(Buffer.from(verified.content).toString("utf8")));
      } catch (error) {
        throw new JlisError("CONSENT_INVALID", "the signed content is not a linkage consent document", { cause: error });
      }
      if (consent.verifierId !== verifierId) {
        throw new JlisError("CONSENT_INVALID", `the consent names verifier ${consent.verifierId}, not ${verifierId}`);
      }
      const issuedAt = new Date(consent.issuedAt).getTime();
      if (issuedAt > now.getTime() + CONSENT_CLOCK_SKEW_MS || issuedAt + CONSENT_VALIDITY_MS < now.getTime()) {
        throw new JlisError("CONSENT_INVALID", "the consent is outside its 24-hour validity (sandbox time)");
      }
      const resident = await store.residents.get(stored.residentId);
      if (!resident) throw new JlisError("INTERNAL", "certificate without a resident");
      return {
        signingCertificate: summaryOf(stored, now),
        attributes: { name: resident.name, dateOfBirth: resident.dateOfBirth, sex: resident.sex, address: resident.address },
        updatedAt: resident.updatedAt,
      };
    },
  };
}

export type LinkageService = ReturnType<typeof createLinkageService>;
