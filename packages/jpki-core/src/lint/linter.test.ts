import { join } from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { x509 } from "../crypto/x509-library.js";
import { generateRsaKeyPair } from "../crypto/keys.js";
import { OID } from "../oids.js";
import { HANAKO, residentAttributesOf } from "../persona/persona.js";
import { toFourAttributes } from "../attributes/four-attributes.js";
import {
  certificatePolicies,
  crlDistributionPoints,
  endEntityKeyUsage,
  fourAttributesSubjectAltName,
  jpkiIssuerAltName,
  ocspAuthorityInfoAccess,
} from "../profile/extensions.js";
import { FIXTURE_ISSUED_AT, holder, sandboxFixture, tempDir } from "../test-support/fixtures.js";
import { openssl } from "../test-support/openssl.js";
import { lintCertificate } from "./linter.js";

const codes = (result: { findings: Array<{ code: string }> }) => result.findings.map((f) => f.code);

/** An R-CA-signed certificate with the given extensions and subject, to break one rule at a time. */
async function craft(kind: "S" | "R", extensions: x509.Extension[], subject?: string, notAfter?: Date) {
  const { S, R } = await sandboxFixture();
  const ca = kind === "S" ? S.ca : R.ca;
  const keys = await generateRsaKeyPair();
  return x509.X509CertificateGenerator.create({
    issuer: ca.certificate.subjectName,
    subject: subject ?? (kind === "S" ? "C=JP, L=Tokyo-to, L=Chiyoda-ku, CN=2026040110000000001131016001" : "C=JP, CN=1234"),
    notBefore: new Date("2026-04-01T01:00:00Z"),
    notAfter: notAfter ?? new Date("2031-03-31T14:59:59Z"),
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    extensions: [
      ...extensions,
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
}

const municipality = { prefectureRomaji: "Tokyo-to", cityRomaji: "Chiyoda-ku" };
const sanS = () => fourAttributesSubjectAltName(toFourAttributes(residentAttributesOf(HANAKO)));

describe("profile linter", () => {
  it("finds nothing in sandbox S and R certificates", async () => {
    const { hanakoS, hanakoR } = await sandboxFixture();
    for (const cert of [hanakoS.certificate, hanakoR.certificate]) {
      const result = await lintCertificate(cert.rawData);
      expect(result.findings).toEqual([]);
      expect(result.clean).toBe(true);
    }
  });

  it("finds a generic `openssl req -x509` certificate is not JPKI", async () => {
    const dir = tempDir();
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=generic", "-days", "30",
      "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")]);
    const result = await lintCertificate(readFileSync(join(dir, "c.pem")));
    expect(result.clean).toBe(false);
    expect(codes(result)).toEqual(expect.arrayContaining(["NOT_JPKI_CERTIFICATE", "NOT_END_ENTITY", "KEY_USAGE_MISSING", "POLICY_MISSING"]));
  });

  it("finds a non-critical or wrong keyUsage", async () => {
    const notCritical = await craft("S", [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, false),
      certificatePolicies("S"), sanS(), jpkiIssuerAltName(), crlDistributionPoints("S", "JPKI-SANDBOX", municipality),
      ocspAuthorityInfoAccess("http://x/ocsp/s"),
    ]);
    expect(codes(await lintCertificate(notCritical.rawData))).toEqual(["KEY_USAGE_NOT_CRITICAL"]);
    const rWithNonRepudiation = await craft("R", [
      endEntityKeyUsage("S"), certificatePolicies("R"), jpkiIssuerAltName(),
      crlDistributionPoints("R", "JPKI-SANDBOX", municipality), ocspAuthorityInfoAccess("http://x/ocsp/r"),
    ]);
    expect(codes(await lintCertificate(rWithNonRepudiation.rawData))).toEqual(["KEY_USAGE_WRONG"]);
  });

  it("finds personal data in an R certificate", async () => {
    const cert = await craft(
      "R",
      [endEntityKeyUsage("R"), certificatePolicies("R"), sanS(), jpkiIssuerAltName(),
        crlDistributionPoints("R", "JPKI-SANDBOX", municipality), ocspAuthorityInfoAccess("http://x/ocsp/r")],
      "C=JP, L=Tokyo-to, CN=1234",
    );
    expect(codes(await lintCertificate(cert.rawData))).toEqual(
      expect.arrayContaining(["R_CARRIES_PERSONAL_DATA", "SUBJECT_DN_SHAPE"]),
    );
  });

  it("finds a missing SAN, issuerAltName, CRL DP and AIA on S", async () => {
    const cert = await craft("S", [endEntityKeyUsage("S"), certificatePolicies("S")]);
    expect(codes(await lintCertificate(cert.rawData))).toEqual(
      expect.arrayContaining(["SAN_MISSING", "ISSUER_ALT_NAME_MISSING", "CRL_DP_MISSING", "AIA_OCSP_MISSING"]),
    );
  });

  it("finds validity past the 5th birthday and not ending at the end of a Japan day", async () => {
    const exts = [endEntityKeyUsage("S"), certificatePolicies("S"), sanS(), jpkiIssuerAltName(),
      crlDistributionPoints("S", "JPKI-SANDBOX", municipality), ocspAuthorityInfoAccess("http://x/ocsp/s")];
    const tooLong = await craft("S", exts, undefined, new Date("2032-03-31T14:59:59Z"));
    expect(codes(await lintCertificate(tooLong.rawData))).toEqual(["VALIDITY_TOO_LONG", "VALIDITY_BEYOND_FIFTH_BIRTHDAY"]);
    const midday = await craft("S", exts, undefined, new Date("2031-03-31T03:00:00Z"));
    expect(codes(await lintCertificate(midday.rawData))).toEqual(["VALIDITY_NOT_END_OF_JAPAN_DAY"]);
  });

  it("finds a malformed subject CN and the production policy", async () => {
    const cert = await craft(
      "S",
      [endEntityKeyUsage("S"), new x509.CertificatePolicyExtension([OID.signingPolicyProduction]), sanS(), jpkiIssuerAltName(),
        crlDistributionPoints("S", "JPKI-SANDBOX", municipality), ocspAuthorityInfoAccess("http://x/ocsp/s")],
      "C=JP, L=Tokyo-to, L=Chiyoda-ku, CN=hanako",
    );
    const result = await lintCertificate(cert.rawData);
    expect(codes(result)).toEqual(["POLICY_PRODUCTION_IN_SANDBOX", "SUBJECT_CN_FORMAT"]);
    expect(result.findings.find((f) => f.code === "POLICY_PRODUCTION_IN_SANDBOX")!.severity).toBe("warning");
  });

  it("finds a CRL DP naming another municipality than the subject", async () => {
    const cert = await craft("S", [endEntityKeyUsage("S"), certificatePolicies("S"), sanS(), jpkiIssuerAltName(),
      crlDistributionPoints("S", "JPKI-SANDBOX", { prefectureRomaji: "Osaka-fu", cityRomaji: "Osaka-shi" }),
      ocspAuthorityInfoAccess("http://x/ocsp/s")]);
    expect(codes(await lintCertificate(cert.rawData))).toEqual(["CRL_DP_MUNICIPALITY_MISMATCH"]);
  });

  it("warns about an S certificate issued to an under-15", async () => {
    const { S } = await sandboxFixture();
    const child = { ...HANAKO, id: "taro", name: "総務\u3000太郎", dateOfBirth: "2015-08-01", requestSigningCertificate: true };
    const issued = await holder(S.ca, "S", child, FIXTURE_ISSUED_AT);
    const result = await lintCertificate(issued.certificate.rawData);
    expect(result.findings).toEqual([expect.objectContaining({ code: "SIGNING_CERTIFICATE_UNDER_15", severity: "warning" })]);
    expect(result.clean).toBe(true);
  });

  it("throws CERTIFICATE_MALFORMED for unreadable input", async () => {
    await expect(lintCertificate(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: "CERTIFICATE_MALFORMED" });
  });
});
