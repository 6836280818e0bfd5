/**
 * Any certificate → a typed value: which JPKI kind it is, its serial, validity, issuer and, for a signing
 * certificate, the four attributes. Garbage in gives CERTIFICATE_MALFORMED, never a crash.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { CRLDistributionPoints } from "@peculiar/asn1-x509";
import { decodeFourAttributesSan, type FourAttributes } from "../attributes/four-attributes.js";
import { x509 } from "../crypto/x509-library.js";
import type { Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { CA_UNITS, nameValues, type CertificateKind } from "../profile/names.js";
import { normaliseSerialNumber, serialNumberToDecimal } from "../profile/serial-number.js";
import { parseX509 } from "./x509.js";

export type ParsedKind = CertificateKind | "other";

export interface ParsedCertificate {
  /** S (署名用), R (利用者証明用), or other (not a JPKI end-entity certificate). */
  kind: ParsedKind;
  /** Hex, lower case, no leading zero octets. */
  serialNumber: string;
  serialNumberDecimal: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  policies: string[];
  /** Which policy the S certificate carries. */
  signingPolicy?: "test" | "production";
  isCa: boolean;
  /** S only: the four attributes; R carries none. */
  attributes?: FourAttributes;
  /** Why the attributes could not be read, when the SAN is there but broken. */
  attributesError?: string;
  /** From the CRL distribution point directoryName (romanised), when the certificate has one. */
  municipality?: { prefectureRomaji: string; cityRomaji: string };
  ocspUrls: string[];
  certificate: x509.X509Certificate;
  der: Bytes;
}

export function certificatePolicyOids(certificate: x509.X509Certificate): string[] {
  const ext = certificate.getExtension(x509.CertificatePolicyExtension);
  return ext ? [...ext.policies] : [];
}

/** The JPKI kind by policy OID, falling back to the issuer's OU for certificates without a policy. */
export function kindOf(certificate: x509.X509Certificate): ParsedKind {
  const policies = certificatePolicyOids(certificate);
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic?.ca) return "other";
  if (policies.includes(OID.signingPolicyTest) || policies.includes(OID.signingPolicyProduction)) return "S";
  if (policies.includes(OID.userAuthPolicy)) return "R";
  const issuerUnits = nameValues(certificate.issuerName, "OU");
  if (issuerUnits.includes(CA_UNITS.S)) return "S";
  if (issuerUnits.includes(CA_UNITS.R)) return "R";
  return "other";
}

function municipalityOf(certificate: x509.X509Certificate): ParsedCertificate["municipality"] {
  const ext = certificate.getExtension(OID.cRLDistributionPoints);
  if (!ext) return undefined;
  try {
    const dps = AsnConvert.parse(ext.value, CRLDistributionPoints);
    for (const dp of dps) {
      for (const name of dp.distributionPoint?.fullName ?? []) {
        if (!name.directoryName) continue;
        const dn = new x509.Name(AsnConvert.serialize(name.directoryName));
        const units = nameValues(dn, "OU");
        const cn = nameValues(dn, "CN")[0];
        const marker = units.indexOf("CRL Distribution Points");
        if (marker >= 0 && units[marker + 1] && cn?.endsWith(" CRLDP")) {
          return { prefectureRomaji: units[marker + 1]!, cityRomaji: cn.slice(0, -" CRLDP".length) };
        }
      }
    }
  } catch {
    return undefined; // the linter reports a malformed CRL DP; parsing stays lenient
  }
  return undefined;
}

export function parseCertificate(input: string | BufferSource): ParsedCertificate {
  const certificate = parseX509(input);
  try {
    return describe(certificate);
  } catch (cause) {
    if (cause instanceof JpkiError) throw cause;
    throw new JpkiError("CERTIFICATE_MALFORMED", "the certificate's extensions cannot be decoded", { cause });
  }
}

function describe(certificate: x509.X509Certificate): ParsedCertificate {
  const kind = kindOf(certificate);
  const policies = certificatePolicyOids(certificate);
  const san = certificate.getExtension(OID.subjectAltName);
  let attributes: FourAttributes | undefined;
  let attributesError: string | undefined;
  if (kind === "S" && san) {
    try {
      attributes = decodeFourAttributesSan(san.value);
    } catch (error) {
      attributesError = error instanceof Error ? error.message : String(error);
    }
  }
  const aia = certificate.getExtension(x509.AuthorityInfoAccessExtension);
  const serialNumber = normaliseSerialNumber(certificate.serialNumber);
  return {
    kind,
    serialNumber,
    serialNumberDecimal: serialNumberToDecimal(serialNumber),
    subject: certificate.subject,
    issuer: certificate.issuer,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    policies,
    signingPolicy: policies.includes(OID.signingPolicyTest)
      ? "test"
      : policies.includes(OID.signingPolicyProduction)
        ? "production"
        : undefined,
    isCa: certificate.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
    attributes,
    attributesError,
    municipality: municipalityOf(certificate),
    ocspUrls: (aia?.ocsp ?? []).filter((n) => n.type === "url").map((n) => n.value),
    certificate,
    der: new Uint8Array(certificate.rawData),
  };
}
