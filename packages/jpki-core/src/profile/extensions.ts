/** The X.509 extensions of the JPKI profile, one builder each (JPKI.md "The two certificates"). */
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  GeneralName,
  GeneralNames,
} from "@peculiar/asn1-x509";
import { x509 } from "../crypto/x509-library.js";
import { encodeFourAttributesSan, type FourAttributes } from "../attributes/four-attributes.js";
import { OID } from "../oids.js";
import {
  buildAsnName,
  crlDistributionPointAttributes,
  issuerAltNameAttributes,
  type CertificateKind,
  type Municipality,
} from "./names.js";

/** keyUsage, critical: S digitalSignature + nonRepudiation; R digitalSignature only. */
export function endEntityKeyUsage(kind: CertificateKind): x509.Extension {
  const flags =
    kind === "S"
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
      : x509.KeyUsageFlags.digitalSignature;
  return new x509.KeyUsagesExtension(flags, true);
}

export type SigningPolicy = "test" | "production";

/** The sandbox always uses the S test policy; `production` exists only so the linter can recognise it. */
export function policyOid(kind: CertificateKind, signingPolicy: SigningPolicy = "test"): string {
  if (kind === "R") return OID.userAuthPolicy;
  return signingPolicy === "test" ? OID.signingPolicyTest : OID.signingPolicyProduction;
}

export function certificatePolicies(kind: CertificateKind): x509.Extension {
  return new x509.CertificatePolicyExtension([policyOid(kind)], false);
}

export function fourAttributesSubjectAltName(attributes: FourAttributes): x509.Extension {
  return new x509.Extension(OID.subjectAltName, false, encodeFourAttributesSan(attributes));
}

/** issuerAltName `DirName: C=JP, O=公的個人認証サービス`. */
export function jpkiIssuerAltName(): x509.Extension {
  const names = new GeneralNames([new GeneralName({ directoryName: buildAsnName(issuerAltNameAttributes()) })]);
  return new x509.Extension(OID.issuerAltName, false, AsnConvert.serialize(names));
}

/** The per-municipality CRL DP as a directoryName, plus an optional URL for HTTP clients. */
export function municipalityDistributionPointName(
  kind: CertificateKind,
  organization: string,
  municipality: Municipality,
  url?: string,
): DistributionPointName {
  const fullName = [
    new GeneralName({ directoryName: buildAsnName(crlDistributionPointAttributes(kind, organization, municipality)) }),
  ];
  if (url) fullName.push(new GeneralName({ uniformResourceIdentifier: url }));
  return new DistributionPointName({ fullName });
}

export function crlDistributionPoints(
  kind: CertificateKind,
  organization: string,
  municipality: Municipality,
  url?: string,
): x509.Extension {
  const dps = new CRLDistributionPoints([
    new DistributionPoint({ distributionPoint: municipalityDistributionPointName(kind, organization, municipality, url) }),
  ]);
  return new x509.Extension(OID.cRLDistributionPoints, false, AsnConvert.serialize(dps));
}

export function ocspAuthorityInfoAccess(ocspUrl: string): x509.Extension {
  return new x509.AuthorityInfoAccessExtension({ ocsp: ocspUrl });
}

/** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): a NULL value. */
export function ocspNoCheck(): x509.Extension {
  return new x509.Extension(OID.ocspNoCheck, false, new Uint8Array([0x05, 0x00]));
}
