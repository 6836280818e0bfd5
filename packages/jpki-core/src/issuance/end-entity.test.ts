import { describe, expect, it } from "vitest";
import { generateRsaKeyPair } from "../crypto/keys.js";
import { x509 } from "../crypto/x509-library.js";
import { bytesEqual } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { HANAKO, type Persona } from "../persona/persona.js";
import { FIXTURE_ISSUED_AT, sandboxFixture } from "../test-support/fixtures.js";
import {
  issueSigningCertificate,
  issueUserAuthCertificate,
  randomUserAuthSubjectId,
  signingSubjectCommonName,
} from "./end-entity.js";

const CHILD: Persona = { ...HANAKO, id: "taro", name: "総務\u3000太郎", dateOfBirth: "2015-08-01", sex: "male" };

describe("issuing S and R certificates", () => {
  it("writes the S subject as C=JP, L=<prefecture>, L=<city>, CN=<time><sequence><counter>", async () => {
    const { hanakoS, S } = await sandboxFixture();
    expect(hanakoS.certificate.subject).toBe("C=JP, L=Tokyo-to, L=Chiyoda-ku, CN=2026040110000000001131016001");
    expect(bytesEqual(hanakoS.certificate.issuerName.toArrayBuffer(), S.ca.certificate.subjectName.toArrayBuffer())).toBe(
      true,
    );
  });

  it("runs S and R to the end of 花子's 5th birthday after issuance, Japan time", async () => {
    const { hanakoS, hanakoR } = await sandboxFixture();
    for (const { certificate } of [hanakoS, hanakoR]) {
      expect(certificate.notBefore).toEqual(FIXTURE_ISSUED_AT);
      expect(certificate.notAfter.toISOString()).toBe("2031-03-31T14:59:59.000Z");
    }
  });

  it("gives S critical keyUsage digitalSignature+nonRepudiation and the test policy", async () => {
    const { hanakoS } = await sandboxFixture();
    const usage = hanakoS.certificate.getExtension(x509.KeyUsagesExtension)!;
    expect(usage.critical).toBe(true);
    expect(usage.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(hanakoS.certificate.getExtension(x509.CertificatePolicyExtension)!.policies).toEqual([OID.signingPolicyTest]);
  });

  it("gives R digitalSignature only, its policy, an opaque subject and no personal data", async () => {
    const { hanakoR } = await sandboxFixture();
    const usage = hanakoR.certificate.getExtension(x509.KeyUsagesExtension)!;
    expect(usage.critical).toBe(true);
    expect(usage.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(hanakoR.certificate.getExtension(x509.CertificatePolicyExtension)!.policies).toEqual([OID.userAuthPolicy]);
    expect(hanakoR.certificate.subject).toMatch(/^C=JP, CN=\d{28}$/);
    expect(hanakoR.certificate.getExtension(OID.subjectAltName)).toBeNull();
    const text = new TextDecoder().decode(hanakoR.certificate.rawData);
    expect(text).not.toContain("花子");
  });

  it("adds AIA OCSP, SKI/AKI, issuerAltName and a CRL DP on both", async () => {
    const { hanakoS, hanakoR, S } = await sandboxFixture();
    for (const [cert, path] of [
      [hanakoS.certificate, "/ocsp/s"],
      [hanakoR.certificate, "/ocsp/r"],
    ] as const) {
      expect(cert.getExtension(x509.AuthorityInfoAccessExtension)!.ocsp[0]!.value).toBe(`http://localhost:4010${path}`);
      expect(cert.getExtension(x509.SubjectKeyIdentifierExtension)).not.toBeNull();
      expect(cert.getExtension(OID.issuerAltName)).not.toBeNull();
      expect(cert.getExtension(OID.cRLDistributionPoints)).not.toBeNull();
    }
    expect(hanakoS.certificate.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId).toBe(
      S.ca.certificate.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId,
    );
  });

  it("uses unique positive serials", async () => {
    const { S } = await sandboxFixture();
    const keys = await generateRsaKeyPair();
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { certificate } = await issueSigningCertificate({ ca: S.ca, publicKey: keys.publicKey, persona: HANAKO });
      expect(parseInt(certificate.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
      serials.add(certificate.serialNumber);
    }
    expect(serials.size).toBe(5);
  });

  it("refuses S to an under-15 who did not ask for it, and issues it when asked", async () => {
    const { S } = await sandboxFixture();
    const keys = await generateRsaKeyPair();
    const options = { ca: S.ca, publicKey: keys.publicKey, issuedAt: FIXTURE_ISSUED_AT };
    await expect(issueSigningCertificate({ ...options, persona: CHILD })).rejects.toMatchObject({
      code: "SIGNING_CERTIFICATE_NOT_ELIGIBLE",
    });
    const issued = await issueSigningCertificate({ ...options, persona: { ...CHILD, requestSigningCertificate: true } });
    expect(issued.attributes?.name).toBe("総務\u3000太郎");
  });

  it("refuses to issue with the other CA", async () => {
    const { S, R } = await sandboxFixture();
    const keys = await generateRsaKeyPair();
    await expect(issueSigningCertificate({ ca: R.ca, publicKey: keys.publicKey, persona: HANAKO })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    await expect(issueUserAuthCertificate({ ca: S.ca, publicKey: keys.publicKey, persona: HANAKO })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
  });

  it("formats the subject CN from Japan time, sequence and counter", () => {
    expect(signingSubjectCommonName(new Date("2026-04-01T01:00:00Z"), 42, "131016", 3)).toBe(
      "2026040110000000042131016003",
    );
    expect(() => signingSubjectCommonName(new Date(), 100000, "131016", 1)).toThrow();
    expect(randomUserAuthSubjectId()).toMatch(/^\d{28}$/);
  });
});
