/** Structure, key and algorithm rules (JPKI.md "Both: RSA-2048, exponent 65537, sha256WithRSAEncryption"). */
import { AsnConvert } from "@peculiar/asn1-schema";
import { RSAPublicKey } from "@peculiar/asn1-rsa";
import { Certificate } from "@peculiar/asn1-x509";
import { x509 } from "../../crypto/x509-library.js";
import { OID } from "../../oids.js";
import type { LintContext } from "../context.js";

const KNOWN_EXTENSIONS = new Set<string>([
  OID.subjectKeyIdentifier,
  OID.keyUsage,
  OID.subjectAltName,
  OID.issuerAltName,
  OID.basicConstraints,
  OID.cRLDistributionPoints,
  OID.certificatePolicies,
  OID.authorityKeyIdentifier,
  OID.extKeyUsage,
  OID.authorityInfoAccess,
]);

export function structureRules({ parsed, certificate, report }: LintContext): void {
  if (parsed.kind === "other") {
    report("NOT_JPKI_CERTIFICATE", "no JPKI policy OID and the issuer is not a JPKI S or R CA");
  }
  if (parsed.isCa) report("NOT_END_ENTITY", "basicConstraints says CA:TRUE; S and R certificates are end-entity");
  const asn = AsnConvert.parse(certificate.rawData, Certificate);
  if (asn.tbsCertificate.version !== 2) report("VERSION_NOT_V3", "an X.509 v3 certificate is required");
  const serial = new Uint8Array(asn.tbsCertificate.serialNumber);
  if (serial.length === 0 || (serial[0]! & 0x80) !== 0 || serial.every((b) => b === 0)) {
    report("SERIAL_NOT_POSITIVE", "the serial number must be a positive integer (RFC 5280 §4.1.2.2)");
  }
  if (serial.length > 20) report("SERIAL_TOO_LONG", "the serial number is longer than 20 octets");
  if (asn.signatureAlgorithm.algorithm !== OID.sha256WithRSAEncryption) {
    report("SIGNATURE_ALGORITHM_NOT_SHA256_RSA", `signed with ${asn.signatureAlgorithm.algorithm}, not sha256WithRSAEncryption`);
  }
  const spki = asn.tbsCertificate.subjectPublicKeyInfo;
  if (spki.algorithm.algorithm !== OID.rsaEncryption) {
    report("KEY_NOT_RSA_2048", `the key is ${spki.algorithm.algorithm}, not RSA`);
  } else {
    const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
    const modulus = new Uint8Array(rsa.modulus);
    const bits = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
    if (bits !== 2048) report("KEY_NOT_RSA_2048", `the RSA key has ${bits} bits, not 2048`);
    const exponent = Array.from(new Uint8Array(rsa.publicExponent)).reduce((n, b) => n * 256 + b, 0);
    if (exponent !== 65537) report("KEY_EXPONENT_NOT_65537", `the RSA exponent is ${exponent}, not 65537`);
  }
  for (const ext of certificate.extensions) {
    if (ext.critical && !KNOWN_EXTENSIONS.has(ext.type)) {
      report("UNKNOWN_CRITICAL_EXTENSION", `critical extension ${ext.type} is not part of the JPKI profile`);
    }
  }
  if (!certificate.getExtension(x509.SubjectKeyIdentifierExtension)) {
    report("SUBJECT_KEY_IDENTIFIER_MISSING", "no subjectKeyIdentifier", "warning");
  }
  if (!certificate.getExtension(x509.AuthorityKeyIdentifierExtension)) {
    report("AUTHORITY_KEY_IDENTIFIER_MISSING", "no authorityKeyIdentifier (needed to pick the root generation)");
  }
}
