/**
 * Object identifiers in words, for the ASN.1 viewer: jpki-core's `OID` table (from its constants-only subpath
 * `@jpki-sandbox/jpki-core/oids`, which a browser bundle can load without jpki-core's crypto provider), JPKI
 * names in words, and identifiers jpki-core never writes.
 */
import { OID } from "@jpki-sandbox/jpki-core/oids";

/** JPKI names in words (JPKI.md "The two certificates"); the rest keep jpki-core's RFC-style key. */
const JPKI_WORDS: Partial<Record<keyof typeof OID, string>> = {
  signingPolicyProduction: "JPKI signing certificate policy (署名用)",
  signingPolicyTest: "JPKI signing certificate policy, TEST (署名用・試験)",
  userAuthPolicy: "JPKI user-authentication certificate policy (利用者証明用)",
  attributeName: "JPKI 氏名 / name",
  attributeNameSubstitutePositions: "JPKI 氏名代替文字の位置 / name substitute positions",
  attributeSex: "JPKI 性別 / sex",
  attributeDateOfBirth: "JPKI 生年月日 / date of birth",
  attributeAddress: "JPKI 住所 / address",
  attributeAddressSubstitutePositions: "JPKI 住所代替文字の位置 / address substitute positions",
};

/** Identifiers jpki-core never writes but that real certificates and CMS carry. */
const MORE_NAMES: Record<string, string> = {
  "2.5.4.5": "serialNumber",
  "2.5.4.8": "stateOrProvinceName",
  "2.5.4.9": "streetAddress",
  "2.5.4.42": "givenName",
  "2.5.4.4": "surname",
  "1.2.840.113549.1.9.1": "emailAddress",
  "1.2.840.113549.1.1.10": "rsassaPss",
  "1.2.840.113549.1.9.16.2.47": "signingCertificateV2",
  "1.2.840.113549.1.9.52": "cmsAlgorithmProtect",
  "1.3.6.1.5.5.7.48.2": "caIssuers",
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "2.5.29.30": "nameConstraints",
  "2.5.29.36": "policyConstraints",
  "2.5.29.32.0": "anyPolicy",
  "1.2.840.10045.2.1": "ecPublicKey",
  "1.2.840.10045.4.3.2": "ecdsaWithSHA256",
};

export const OID_NAMES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(MORE_NAMES),
  ...(Object.entries(OID) as [keyof typeof OID, string][]).map(([key, oid]) => [oid, JPKI_WORDS[key] ?? key] as [string, string]),
]);
