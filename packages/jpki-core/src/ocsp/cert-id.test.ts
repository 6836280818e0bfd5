import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { caFixture, sandboxFixture } from "../test-support/fixtures.js";
import { certIdMatchesIssuer, certIdsEqual, createCertId, encodeCertId } from "./cert-id.js";

describe("CertID", () => {
  it("defaults to SHA-1 and hashes the issuer's name and key as OpenSSL does", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const certId = await createCertId(S.ca.certificate, hanakoS.certificate.serialNumber);
    expect(certId.hashAlgorithm).toBe(OID.sha1);
    expect(certId.issuerNameHash).toHaveLength(20);
    expect(certId.serialNumber).toBe(hanakoS.certificate.serialNumber.toLowerCase());
  });

  it("matches its issuer with the hash algorithm it names, and no other CA", async () => {
    const { S, R } = await sandboxFixture();
    for (const hash of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"] as const) {
      const certId = await createCertId(S.ca.certificate, "0a", hash);
      expect(certId.issuerKeyHash.length).toBeGreaterThanOrEqual(20);
      expect(await certIdMatchesIssuer(certId, S.ca.certificate)).toBe(true);
      expect(await certIdMatchesIssuer(certId, R.ca.certificate)).toBe(false);
    }
    // Same DN, new key (a new CA generation): the key hash tells them apart.
    const nextGeneration = await caFixture("S");
    expect(await certIdMatchesIssuer(await createCertId(S.ca.certificate, "0a"), nextGeneration.ca.certificate)).toBe(false);
    expect(await certIdMatchesIssuer({ ...(await createCertId(S.ca.certificate, "0a")), hashAlgorithm: "1.2.3" }, S.ca.certificate)).toBe(false);
  });

  it("normalises serials (leading 00, case) and encodes positive INTEGERs", async () => {
    const { S } = await sandboxFixture();
    const a = await createCertId(S.ca.certificate, "00FF01");
    const b = await createCertId(S.ca.certificate, "ff01");
    expect(a.serialNumber).toBe("ff01");
    expect(certIdsEqual(a, b)).toBe(true);
    expect(bytesToHex(encodeCertId(a))).toMatch(/020300ff01$/);
    expect(certIdsEqual(a, await createCertId(S.ca.certificate, "ff02"))).toBe(false);
  });
});
