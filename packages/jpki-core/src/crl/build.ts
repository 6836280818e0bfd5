/**
 * Builds a CA's CRL (RFC 5280 §5), published daily per CA (JPKI.md "Revocation and status"), optionally
 * scoped to one municipality: then a critical issuingDistributionPoint names the same directoryName that
 * the certificates of that municipality carry in cRLDistributionPoints (RFC 5280 §5.2.5, §6.3.3 (b)(2)).
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { IssuingDistributionPoint } from "@peculiar/asn1-x509";
import { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import type { CertificationAuthority } from "../ca/certification-authority.js";
import { toBytes, toPem, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { municipalityDistributionPointName } from "../profile/extensions.js";
import type { Municipality } from "../profile/names.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { requireValidDate, wholeSeconds } from "../profile/validity.js";
import { integerFromHex } from "../revocation/der.js";
import { revocationReasonCode, type RevocationReason } from "../revocation/reason.js";

/** PEM label OpenSSL 3 reads (x509's own `toString("pem")` writes `BEGIN CRL`, which it does not). */
export const CRL_PEM_LABEL = "X509 CRL";

export interface CrlEntryInput {
  /** Hex serial of the revoked certificate. */
  serialNumber: string;
  revokedAt: Date;
  /** Always set in JPKI; also what keeps the entry's extensions non-empty (NOTES.md). */
  reason: RevocationReason;
}

export interface BuildCrlOptions {
  ca: CertificationAuthority;
  /** cRLNumber (RFC 5280 §5.2.3): the caller keeps it monotonic per CA and scope. Non-negative, ≤ 20 octets. */
  crlNumber: bigint | number;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: readonly CrlEntryInput[];
  /** Scope the CRL to one municipality's distribution point (the per-municipality CRL of JPKI.md). */
  municipality?: Municipality;
  /** The HTTP URL the certificates also carry beside the directoryName, if they were issued with one. */
  distributionPointUrl?: string;
}

export interface BuiltCrl {
  der: Bytes;
  /** PEM labelled `X509 CRL`. */
  pem: string;
  crl: x509.X509Crl;
}

const MAX_CRL_NUMBER = (1n << 159n) - 1n; // 20 octets, positive

export async function buildCrl(options: BuildCrlOptions): Promise<BuiltCrl> {
  const crypto = getCrypto();
  const crlNumber = BigInt(options.crlNumber);
  if (crlNumber < 0n || crlNumber > MAX_CRL_NUMBER) {
    throw new JpkiError("INVALID_ARGUMENT", "crlNumber must be a non-negative integer of at most 20 octets");
  }
  const thisUpdate = wholeSeconds(requireValidDate(options.thisUpdate, "thisUpdate"));
  const nextUpdate = wholeSeconds(requireValidDate(options.nextUpdate, "nextUpdate"));
  if (nextUpdate.getTime() < thisUpdate.getTime()) throw new JpkiError("INVALID_ARGUMENT", "nextUpdate is before thisUpdate");

  const seen = new Set<string>();
  const entries: x509.X509CrlEntryParams[] = options.entries.map((entry) => {
    const serialNumber = normaliseSerialNumber(entry.serialNumber);
    if (!serialNumber || seen.has(serialNumber)) {
      throw new JpkiError("INVALID_ARGUMENT", `missing or duplicate serial in CRL entries: ${entry.serialNumber}`);
    }
    seen.add(serialNumber);
    return {
      serialNumber,
      revocationDate: wholeSeconds(requireValidDate(entry.revokedAt, "revokedAt")),
      reason: revocationReasonCode(entry.reason) as x509.X509CrlReason,
    };
  });

  const extensions: x509.Extension[] = [
    await authorityKeyIdentifier(options.ca.certificate, crypto),
    new x509.Extension(OID.cRLNumber, false, integerFromHex(crlNumber.toString(16))),
  ];
  if (options.municipality) {
    const idp = new IssuingDistributionPoint({
      distributionPoint: municipalityDistributionPointName(
        options.ca.kind,
        options.ca.organization,
        options.municipality,
        options.distributionPointUrl,
      ),
      // Municipal CRLs list card holders' certificates only (a sandbox choice; the CA's own status is
      // not a municipality's business).
      onlyContainsUserCerts: true,
    });
    extensions.push(new x509.Extension(OID.issuingDistributionPoint, true, AsnConvert.serialize(idp)));
  }

  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: options.ca.certificate.subjectName,
      thisUpdate,
      nextUpdate,
      entries,
      extensions,
      signingKey: options.ca.privateKey,
      signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    },
    crypto,
  );
  const der = toBytes(crl.rawData);
  return { der, pem: toPem(der, CRL_PEM_LABEL), crl };
}

async function authorityKeyIdentifier(ca: x509.X509Certificate, crypto: Crypto): Promise<x509.Extension> {
  const ski = ca.getExtension(x509.SubjectKeyIdentifierExtension);
  if (ski) return new x509.AuthorityKeyIdentifierExtension(ski.keyId, false);
  return x509.AuthorityKeyIdentifierExtension.create(ca, false, crypto);
}

