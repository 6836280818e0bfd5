/**
 * The S and R certification authorities: self-signed RSA-2048 roots with the JPKI DN structure, and an OCSP
 * responder certificate per CA (JPKI.md "The two certificates", RFC 6960 §4.2.2.2).
 */
import { x509 } from "../crypto/x509-library.js";
import { exportPublicKeyDer, generateRsaKeyPair, importPrivateKey, publicKeyFromPrivateKey } from "../crypto/keys.js";
import { bytesEqual } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { parseX509 } from "../certificate/x509.js";
import { ocspNoCheck } from "../profile/extensions.js";
import {
  buildName,
  CA_UNITS,
  caNameAttributes,
  DEFAULT_ORGANIZATION,
  nameValues,
  responderNameAttributes,
  type CertificateKind,
} from "../profile/names.js";
import { randomSerialNumber } from "../profile/serial-number.js";
import { wholeSeconds } from "../profile/validity.js";

const SIGNING_ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

export interface CertificationAuthority {
  kind: CertificateKind;
  organization: string;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

/** Signs OCSP responses for one CA; its certificate carries id-kp-OCSPSigning and id-pkix-ocsp-nocheck. */
export interface OcspResponder {
  kind: CertificateKind;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface CreateCaOptions {
  kind: CertificateKind;
  /** `O` of every DN; default `JPKI-SANDBOX` so no sandbox certificate is mistaken for a real one. */
  organization?: string;
  notBefore?: Date;
  /** Root lifetime; default 20 years. */
  validityYears?: number;
  keys?: CryptoKeyPair;
}

function addYears(instant: Date, years: number): Date {
  const out = new Date(instant);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** A new self-signed root. Several generations may share one DN; SKI/AKI tell them apart. */
export async function createCertificationAuthority(options: CreateCaOptions): Promise<CertificationAuthority> {
  const organization = options.organization ?? DEFAULT_ORGANIZATION;
  const keys = options.keys ?? (await generateRsaKeyPair());
  const notBefore = wholeSeconds(options.notBefore ?? new Date());
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: buildName(caNameAttributes(options.kind, organization)),
    notBefore,
    notAfter: addYears(notBefore, options.validityYears ?? 20),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { kind: options.kind, organization, certificate, privateKey: keys.privateKey };
}

export interface CreateResponderOptions {
  notBefore?: Date;
  /** Default 10 years, so a demo can jump the sandbox clock without re-keying the responder. */
  validityYears?: number;
  keys?: CryptoKeyPair;
}

export async function createOcspResponder(
  ca: CertificationAuthority,
  options: CreateResponderOptions = {},
): Promise<OcspResponder> {
  const keys = options.keys ?? (await generateRsaKeyPair());
  const notBefore = wholeSeconds(options.notBefore ?? new Date());
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    issuer: ca.certificate.subjectName,
    subject: buildName(responderNameAttributes(ca.kind, ca.organization)),
    notBefore,
    notAfter: addYears(notBefore, options.validityYears ?? 10),
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([OID.kpOcspSigning], false),
      ocspNoCheck(),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { kind: ca.kind, certificate, privateKey: keys.privateKey };
}

/** Which CA a root certificate belongs to, from the `OU` of its DN (JPKI.md issuer DNs). */
export function caKindOf(certificate: x509.X509Certificate): CertificateKind | undefined {
  const units = nameValues(certificate.subjectName, "OU");
  if (units.includes(CA_UNITS.S)) return "S";
  if (units.includes(CA_UNITS.R)) return "R";
  return undefined;
}

/** A JPKI certificate (CA or responder) and its private key, checked to belong together. */
async function loadKeyedCertificate(
  certificatePem: string | BufferSource,
  privateKeyPem: string | BufferSource,
  what: string,
): Promise<{ kind: CertificateKind; certificate: x509.X509Certificate; privateKey: CryptoKey }> {
  const certificate = parseX509(certificatePem);
  const kind = caKindOf(certificate);
  if (!kind) throw new JpkiError("CERTIFICATE_MALFORMED", `not a JPKI ${what} certificate (no JPKI OU)`);
  const privateKey = await importPrivateKey(privateKeyPem);
  await assertKeyMatches(certificate, privateKey);
  return { kind, certificate, privateKey };
}

/** Loads a CA from PEM (or DER) files, checking that key and certificate belong together. */
export async function loadCertificationAuthority(
  certificatePem: string | BufferSource,
  privateKeyPem: string | BufferSource,
): Promise<CertificationAuthority> {
  const loaded = await loadKeyedCertificate(certificatePem, privateKeyPem, "S or R CA");
  const organization = nameValues(loaded.certificate.subjectName, "O")[0] ?? DEFAULT_ORGANIZATION;
  return { ...loaded, organization };
}

export async function loadOcspResponder(
  certificatePem: string | BufferSource,
  privateKeyPem: string | BufferSource,
): Promise<OcspResponder> {
  return loadKeyedCertificate(certificatePem, privateKeyPem, "OCSP responder");
}

async function assertKeyMatches(certificate: x509.X509Certificate, privateKey: CryptoKey): Promise<void> {
  const fromKey = await exportPublicKeyDer(await publicKeyFromPrivateKey(privateKey));
  if (!bytesEqual(fromKey, certificate.publicKey.rawData)) {
    throw new JpkiError("KEY_MALFORMED", "the private key does not belong to the certificate");
  }
}
