/** Every object identifier jpki-core uses, named as in the RFC or the JPKI profile (JPKI.md). */
export const OID = {
  // JPKI certificate policies (JPKI.md "The two certificates")
  signingPolicyProduction: "1.2.392.200149.8.5.1.1.20",
  signingPolicyTest: "1.2.392.200149.8.5.1.0.20",
  userAuthPolicy: "1.2.392.200149.8.5.1.3.30",

  // JPKI four basic attributes (基本4情報) in subjectAltName otherName, arc 1.2.392.200149.8.5.5
  attributeName: "1.2.392.200149.8.5.5.1",
  attributeNameSubstitutePositions: "1.2.392.200149.8.5.5.2",
  attributeSex: "1.2.392.200149.8.5.5.3",
  attributeDateOfBirth: "1.2.392.200149.8.5.5.4",
  attributeAddress: "1.2.392.200149.8.5.5.5",
  attributeAddressSubstitutePositions: "1.2.392.200149.8.5.5.6",

  // Algorithms
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha1WithRSAEncryption: "1.2.840.113549.1.1.5",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  sha384WithRSAEncryption: "1.2.840.113549.1.1.12",
  sha512WithRSAEncryption: "1.2.840.113549.1.1.13",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",

  // X.509 extensions (RFC 5280 §4.2)
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

  // Extended key usages and access methods
  kpOcspSigning: "1.3.6.1.5.5.7.3.9",
  kpClientAuth: "1.3.6.1.5.5.7.3.2",
  adOcsp: "1.3.6.1.5.5.7.48.1",

  // OCSP (RFC 6960)
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  ocspNonce: "1.3.6.1.5.5.7.48.1.2",
  ocspNoCheck: "1.3.6.1.5.5.7.48.1.5",

  // CMS (RFC 5652)
  cmsData: "1.2.840.113549.1.7.1",
  cmsSignedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",

  // Attribute types in names (X.520)
  countryName: "2.5.4.6",
  localityName: "2.5.4.7",
  organizationName: "2.5.4.10",
  organizationalUnitName: "2.5.4.11",
  commonName: "2.5.4.3",
} as const;
