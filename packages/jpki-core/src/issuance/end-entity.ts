/**
 * Issuance of the two end-entity certificates on a My Number Card (JPKI.md "The two certificates"):
 * the signing certificate (署名用電子証明書, S) with the four attributes, and the user-authentication
 * certificate (利用者証明用電子証明書, R) with nothing personal in it.
 */
import { x509 } from "../crypto/x509-library.js";
import { residentAttributesOf, type Persona } from "../persona/persona.js";
import { toFourAttributes, type FourAttributes } from "../attributes/four-attributes.js";
import type { CertificationAuthority } from "../ca/certification-authority.js";
import { getCrypto } from "../crypto/provider.js";
import { JpkiError } from "../errors.js";
import {
  certificatePolicies,
  crlDistributionPoints,
  endEntityKeyUsage,
  fourAttributesSubjectAltName,
  jpkiIssuerAltName,
  ocspAuthorityInfoAccess,
} from "../profile/extensions.js";
import {
  signingSubjectAttributes,
  buildName,
  userAuthSubjectAttributes,
  type CertificateKind,
} from "../profile/names.js";
import { randomSerialNumber } from "../profile/serial-number.js";
import {
  certificateNotAfter,
  isEligibleForSigningCertificate,
  japanDateOf,
  wholeSeconds,
} from "../profile/validity.js";

export const DEFAULT_OCSP_BASE_URL = "http://localhost:4010/ocsp";

export interface IssueCommonOptions {
  ca: CertificationAuthority;
  /** The card's public key (the private key stays on the card). */
  publicKey: CryptoKey;
  persona: Persona;
  /** Issuance time; default now. The sandbox clock passes its own. */
  issuedAt?: Date;
  /** Hex serial; default a random positive 16-byte serial. */
  serialNumber?: string;
  /** The card's own expiry, which caps the certificate's (JPKI.md); default computed from issuedAt. */
  cardExpiresAt?: Date;
  /** OCSP URL for authorityInfoAccess; default `http://localhost:4010/ocsp/{s,r}`. */
  ocspUrl?: string;
  /** An HTTP URL of the municipality's CRL, added beside the directoryName in cRLDistributionPoints. */
  crlUrl?: string;
}

export interface IssueSigningOptions extends IssueCommonOptions {
  /** Counter number at the municipality (3 digits, default 1) — with the local government code, the
   *  9-digit counter identifier of the subject CN (a sandbox choice, JPKI.md). */
  counterNumber?: number;
  /** Sequence of the request at that counter that day (default 1). */
  requestSequence?: number;
}

export interface IssuedCertificate {
  kind: CertificateKind;
  certificate: x509.X509Certificate;
  /** The S certificate's attributes as written (after character substitution); undefined for R. */
  attributes?: FourAttributes;
}

/** `YYYYMMDDhhmmss` (Japan time) + 5-digit sequence + 9-digit counter identifier. */
export function signingSubjectCommonName(
  requestedAt: Date,
  requestSequence: number,
  localGovernmentCode: string,
  counterNumber: number,
): string {
  if (!Number.isInteger(requestSequence) || requestSequence < 1 || requestSequence > 99999) {
    throw new JpkiError("INVALID_ARGUMENT", "requestSequence must be 1–99999");
  }
  if (!Number.isInteger(counterNumber) || counterNumber < 0 || counterNumber > 999) {
    throw new JpkiError("INVALID_ARGUMENT", "counterNumber must be 0–999");
  }
  const jst = new Date(requestedAt.getTime() + 9 * 3600_000).toISOString();
  const stamp = jst.slice(0, 19).replace(/[-T:]/g, "");
  return `${stamp}${String(requestSequence).padStart(5, "0")}${localGovernmentCode}${String(counterNumber).padStart(3, "0")}`;
}

/** An opaque R subject: 28 random decimal digits, the length of an S CN (a sandbox choice). */
export function randomUserAuthSubjectId(): string {
  const bytes = getCrypto().getRandomValues(new Uint8Array(28));
  return Array.from(bytes, (b) => String(b % 10)).join("");
}

export async function issueSigningCertificate(options: IssueSigningOptions): Promise<IssuedCertificate> {
  assertCa(options.ca, "S");
  const { persona } = options;
  const issuedAt = wholeSeconds(options.issuedAt ?? new Date());
  if (!isEligibleForSigningCertificate(persona.dateOfBirth, issuedAt, persona.requestSigningCertificate)) {
    throw new JpkiError(
      "SIGNING_CERTIFICATE_NOT_ELIGIBLE",
      `${persona.id} is under 15 on ${japanDateOf(issuedAt)} and did not request a signing certificate`,
    );
  }
  const attributes = toFourAttributes(residentAttributesOf(persona));
  const commonName = signingSubjectCommonName(
    issuedAt,
    options.requestSequence ?? 1,
    persona.localGovernmentCode,
    options.counterNumber ?? 1,
  );
  const certificate = await issueEndEntity(options, issuedAt, signingSubjectAttributes(persona, commonName), [
    fourAttributesSubjectAltName(attributes),
  ]);
  return { kind: "S", certificate, attributes };
}

export interface IssueUserAuthOptions extends IssueCommonOptions {
  /** The opaque subject CN; default random. */
  subjectId?: string;
}

export async function issueUserAuthCertificate(options: IssueUserAuthOptions): Promise<IssuedCertificate> {
  assertCa(options.ca, "R");
  const issuedAt = wholeSeconds(options.issuedAt ?? new Date());
  const subject = userAuthSubjectAttributes(options.subjectId ?? randomUserAuthSubjectId());
  const certificate = await issueEndEntity(options, issuedAt, subject, []);
  return { kind: "R", certificate };
}

function assertCa(ca: CertificationAuthority, kind: CertificateKind): void {
  if (ca.kind !== kind) throw new JpkiError("INVALID_ARGUMENT", `an ${kind} certificate needs the ${kind} CA`);
}

async function issueEndEntity(
  options: IssueCommonOptions,
  issuedAt: Date,
  subject: Parameters<typeof buildName>[0],
  subjectAltName: x509.Extension[],
): Promise<x509.X509Certificate> {
  const { ca, persona } = options;
  const kind = ca.kind;
  const notAfter = certificateNotAfter(persona.dateOfBirth, issuedAt, options.cardExpiresAt);
  if (notAfter.getTime() <= issuedAt.getTime()) {
    throw new JpkiError("INVALID_ARGUMENT", "the card expires before the certificate would start");
  }
  const ocspUrl = options.ocspUrl ?? `${DEFAULT_OCSP_BASE_URL}/${kind.toLowerCase()}`;
  return x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? randomSerialNumber(),
    issuer: ca.certificate.subjectName,
    subject: buildName(subject),
    notBefore: issuedAt,
    notAfter,
    publicKey: options.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    extensions: [
      endEntityKeyUsage(kind),
      certificatePolicies(kind),
      ...subjectAltName,
      jpkiIssuerAltName(),
      crlDistributionPoints(kind, ca.organization, persona, options.crlUrl),
      ocspAuthorityInfoAccess(ocspUrl),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      await x509.SubjectKeyIdentifierExtension.create(options.publicKey),
    ],
  });
}
