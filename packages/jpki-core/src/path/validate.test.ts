import { describe, expect, it } from "vitest";
import { createCertificationAuthority } from "../ca/certification-authority.js";
import { x509 } from "../crypto/x509-library.js";
import { generateRsaKeyPair } from "../crypto/keys.js";
import { certificatePolicies } from "../profile/extensions.js";
import { caFixture, FIXTURE_ISSUED_AT, sandboxFixture } from "../test-support/fixtures.js";
import { assertCertificatePath, validateCertificatePath } from "./validate.js";

const AT = new Date("2027-01-01T00:00:00Z");

describe("validateCertificatePath", () => {
  it("accepts S and R chains to their roots", async () => {
    const { S, R, hanakoS, hanakoR } = await sandboxFixture();
    const roots = [S.ca.certificate, R.ca.certificate];
    expect(await validateCertificatePath(hanakoS.certificate, { roots, at: AT, expectedKind: "S" })).toMatchObject({
      valid: true,
      kind: "S",
    });
    const r = await validateCertificatePath(hanakoR.certificate, { roots, at: AT, expectedKind: "R" });
    expect(r.valid && r.root).toBe(R.ca.certificate);
  });

  it("refuses an R certificate where S is expected (PATH_WRONG_KIND)", async () => {
    const { S, R, hanakoR } = await sandboxFixture();
    const result = await validateCertificatePath(hanakoR.certificate, {
      roots: [S.ca.certificate, R.ca.certificate],
      at: AT,
      expectedKind: "S",
    });
    expect(result).toMatchObject({ valid: false, code: "PATH_WRONG_KIND" });
  });

  it("refuses a CA certificate as an end entity (PATH_WRONG_KIND)", async () => {
    const { S } = await sandboxFixture();
    const result = await validateCertificatePath(S.ca.certificate, { roots: [S.ca.certificate], at: AT });
    expect(result).toMatchObject({ valid: false, code: "PATH_WRONG_KIND" });
  });

  it("reports expiry and not-yet-valid at the given time", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const roots = [S.ca.certificate];
    expect(await validateCertificatePath(hanakoS.certificate, { roots, at: new Date("2031-04-01T00:00:00Z") })).toMatchObject({
      valid: false,
      code: "PATH_EXPIRED",
    });
    expect(await validateCertificatePath(hanakoS.certificate, { roots, at: new Date("2026-03-01T00:00:00Z") })).toMatchObject({
      valid: false,
      code: "PATH_NOT_YET_VALID",
    });
  });

  it("reports an issuer not among the roots (PATH_UNKNOWN_ISSUER)", async () => {
    const { R, hanakoS } = await sandboxFixture();
    const result = await validateCertificatePath(hanakoS.certificate, { roots: [R.ca.certificate], at: AT });
    expect(result).toMatchObject({ valid: false, code: "PATH_UNKNOWN_ISSUER" });
  });

  it("picks the right generation among roots with the same DN, and refuses a lookalike root", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const older = await createCertificationAuthority({ kind: "S", notBefore: new Date("2024-01-01T00:00:00Z") });
    const result = await validateCertificatePath(hanakoS.certificate, { roots: [older.certificate, S.ca.certificate], at: AT });
    expect(result.valid && result.root).toBe(S.ca.certificate);
    // Same DN, other key, and no key identifiers to tell them apart is caught by the signature check.
    expect(await validateCertificatePath(hanakoS.certificate, { roots: [older.certificate], at: AT })).toMatchObject({
      valid: false,
      code: "PATH_UNKNOWN_ISSUER",
    });
  });

  it("reports a tampered certificate as PATH_BAD_SIGNATURE", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const der = new Uint8Array(hanakoS.certificate.rawData);
    der[der.length - 5]! ^= 0x01; // inside the signature value
    const tampered = new x509.X509Certificate(der);
    const result = await validateCertificatePath(tampered, { roots: [S.ca.certificate], at: AT });
    expect(result).toMatchObject({ valid: false, code: "PATH_BAD_SIGNATURE" });
    await expect(assertCertificatePath(tampered, { roots: [S.ca.certificate], at: AT })).rejects.toMatchObject({
      code: "PATH_BAD_SIGNATURE",
    });
  });

  it("reports a certificate signed by another key under the root's name (no AKI) as PATH_BAD_SIGNATURE", async () => {
    const { S } = await sandboxFixture();
    const impostor = await caFixture("S");
    const keys = await generateRsaKeyPair();
    const forged = await x509.X509CertificateGenerator.create({
      issuer: S.ca.certificate.subjectName,
      subject: "CN=forged",
      notBefore: FIXTURE_ISSUED_AT,
      notAfter: new Date("2030-01-01T00:00:00Z"),
      publicKey: keys.publicKey,
      signingKey: impostor.ca.privateKey,
      signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
      extensions: [certificatePolicies("S")],
    });
    const result = await validateCertificatePath(forged, { roots: [S.ca.certificate], at: AT });
    expect(result).toMatchObject({ valid: false, code: "PATH_BAD_SIGNATURE" });
  });
});
