/**
 * Object identifiers in words, for the ASN.1 viewer. The browser cannot load jpki-core today (its crypto
 * provider imports @peculiar/webcrypto, which needs Node's Buffer as it loads), so the viewer keeps this
 * table; oid-names.test.ts holds it equal to jpki-core's `OID` constants (same keys, same dotted values).
 */

/** jpki-core's `OID` table, key for key. */
export const JPKI_CORE_OIDS = {
  signingPolicyProduction: "1.2.392.200149.8.5.1.1.20",
  signingPolicyTest: "1.2.392.200149.8.5.1.0.20",
  userAuthPolicy: "1.2.392.200149.8.5.1.3.30",
  attributeName: "1.2.392.200149.8.5.5.1",
  attributeNameSubstitutePositions: "1.2.392.200149.8.5.5.2",
  attributeSex: "1.2.392.200149.8.5.5.3",
  attributeDateOfBirth: "1.2.392.200149.8.5.5.4",
  attributeAddress: "1.2.392.200149.8.5.5.5",
  attributeAddressSubstitutePositions: "1.2.392.200149.8.5.5.6",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha1WithRSAEncryption: "1.2.840.113549.1.1.5",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  sha384WithRSAEncryption: "1.2.840.113549.1.1.12",
  sha512WithRSAEncryption: "1.2.840.113549.1.1.13",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  issuerAltName: "2.5.29.18",
  basicConstraints: "2.5.29.19",
  cRLNumber: "2.5.29.20",
  cRLReason: "2.5.29.21",
  issuingDistributionPoint: "2.5.29.28",
  cRLDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  kpOcspSigning: "1.3.6.1.5.5.7.3.9",
  kpClientAuth: "1.3.6.1.5.5.7.3.2",
  adOcsp: "1.3.6.1.5.5.7.48.1",
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  ocspNonce: "1.3.6.1.5.5.7.48.1.2",
  ocspNoCheck: "1.3.6.1.5.5.7.48.1.5",
  cmsData: "1.2.840.113549.1.7.1",
  cmsSignedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  countryName: "2.5.4.6",
  localityName: "2.5.4.7",
  organizationName: "2.5.4.10",
  organizationalUnitName: "2.5.4.11",
  commonName: "2.5.4.3",
} as const;

/** JPKI names in words (JPKI.md "The two certificates"); the rest keep jpki-core's RFC-style key. */
const JPKI_WORDS: Partial<Record<keyof typeof JPKI_CORE_OIDS, string>> = {
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
  ...(Object.entries(JPKI_CORE_OIDS) as [keyof typeof JPKI_CORE_OIDS, string][]).map(([key, oid]) => [oid, JPKI_WORDS[key] ?? key] as [string, string]),
]);
