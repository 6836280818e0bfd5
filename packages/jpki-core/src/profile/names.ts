/**
 * Distinguished names of the JPKI profile (JPKI.md "The two certificates"). Countries are PrintableString,
 * everything else UTF8String, chosen explicitly (a string DN would make every ASCII value PrintableString).
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from "@peculiar/asn1-x509";
import { x509 } from "../crypto/x509-library.js";
import { OID } from "../oids.js";

/** S = 署名用電子証明書 (signing), R = 利用者証明用電子証明書 (user authentication). */
export type CertificateKind = "S" | "R";

export const DEFAULT_ORGANIZATION = "JPKI-SANDBOX";
export const AGENCY_UNIT = "Japan Agency for Local Authority Information Systems";
export const CA_UNITS: Readonly<Record<CertificateKind, string>> = {
  S: "JPKI for digital signature",
  R: "JPKI for user authentication",
};
/** The issuerAltName directoryName of every JPKI certificate. */
export const ISSUER_ALT_NAME_ORGANIZATION = "公的個人認証サービス";

type NameAttribute = readonly [type: keyof typeof SHORT_NAMES, value: string];

const SHORT_NAMES = {
  C: OID.countryName,
  L: OID.localityName,
  O: OID.organizationName,
  OU: OID.organizationalUnitName,
  CN: OID.commonName,
} as const;

/** An ASN.1 Name with one attribute per RDN, in the order given. */
export function buildAsnName(attributes: readonly NameAttribute[]): Name {
  return new Name(
    attributes.map(
      ([type, value]) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({
            type: SHORT_NAMES[type],
            value: new AttributeValue(type === "C" ? { printableString: value } : { utf8String: value }),
          }),
        ]),
    ),
  );
}

export function buildName(attributes: readonly NameAttribute[]): x509.Name {
  return new x509.Name(AsnConvert.serialize(buildAsnName(attributes)));
}

/** `C=JP, O=<O>, OU=<CA unit>, OU=Japan Agency for Local Authority Information Systems` */
export function caNameAttributes(kind: CertificateKind, organization: string): NameAttribute[] {
  return [
    ["C", "JP"],
    ["O", organization],
    ["OU", CA_UNITS[kind]],
    ["OU", AGENCY_UNIT],
  ];
}

/** The OCSP responder of a CA: the CA's DN plus `CN=OCSP Responder` (a sandbox choice). */
export function responderNameAttributes(kind: CertificateKind, organization: string): NameAttribute[] {
  return [...caNameAttributes(kind, organization), ["CN", "OCSP Responder"]];
}

export interface Municipality {
  prefectureRomaji: string;
  cityRomaji: string;
}

/** S subject: `C=JP, L=<prefecture>, L=<city>, CN=<request time><sequence><counter id>` (romanised). */
export function signingSubjectAttributes(municipality: Municipality, commonName: string): NameAttribute[] {
  return [
    ["C", "JP"],
    ["L", municipality.prefectureRomaji],
    ["L", municipality.cityRomaji],
    ["CN", commonName],
  ];
}

/** R subject: `C=JP, CN=<opaque identifier>` — nothing personal. */
export function userAuthSubjectAttributes(opaqueId: string): NameAttribute[] {
  return [
    ["C", "JP"],
    ["CN", opaqueId],
  ];
}

/**
 * `C=JP, O=<O>, OU=<CA unit>, OU=CRL Distribution Points, OU=<prefecture>, CN=<city> CRLDP`: the
 * per-municipality CRL a certificate points to, and that CRL's issuingDistributionPoint.
 */
export function crlDistributionPointAttributes(
  kind: CertificateKind,
  organization: string,
  municipality: Municipality,
): NameAttribute[] {
  return [
    ["C", "JP"],
    ["O", organization],
    ["OU", CA_UNITS[kind]],
    ["OU", "CRL Distribution Points"],
    ["OU", municipality.prefectureRomaji],
    ["CN", `${municipality.cityRomaji} CRLDP`],
  ];
}

export function issuerAltNameAttributes(): NameAttribute[] {
  return [
    ["C", "JP"],
    ["O", ISSUER_ALT_NAME_ORGANIZATION],
  ];
}

/** Values of one attribute type in a DER Name, in order (e.g. both `OU`s of a CA DN). */
export function nameValues(name: x509.Name, type: keyof typeof SHORT_NAMES): string[] {
  return name.getField(SHORT_NAMES[type]);
}
