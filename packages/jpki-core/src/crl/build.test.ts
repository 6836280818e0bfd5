import { describe, expect, it } from "vitest";
import { sandboxFixture } from "../test-support/fixtures.js";
import { HANAKO } from "../persona/persona.js";
import { x509 } from "../crypto/x509-library.js";
import { buildCrl } from "./build.js";
import { parseCrl, verifyCrl } from "./parse.js";

const thisUpdate = new Date("2026-05-01T00:00:00.750Z");
const nextUpdate = new Date("2026-05-02T00:00:00Z");

describe("CRL builder", () => {
  it("builds a complete CRL: number, dates, entries with reasons, AKI, PEM labelled X509 CRL", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const built = await buildCrl({
      ca: S.ca,
      crlNumber: 42n,
      thisUpdate,
      nextUpdate,
      entries: [
        { serialNumber: hanakoS.certificate.serialNumber, revokedAt: new Date("2026-04-20T09:00:00.5Z"), reason: "affiliationChanged" },
        { serialNumber: "00FF01", revokedAt: new Date("2026-04-21T00:00:00Z"), reason: "keyCompromise" },
      ],
    });
    expect(built.pem).toMatch(/^-----BEGIN X509 CRL-----\n[\s\S]+-----END X509 CRL-----\n$/);
    const parsed = parseCrl(built.pem);
    await verifyCrl(parsed, S.ca.certificate);
    expect(parsed.der).toEqual(built.der);
    expect(parsed.crlNumber).toBe(42n);
    expect(parsed.thisUpdate).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(parsed.nextUpdate).toEqual(nextUpdate);
    expect(parsed.issuer).toBe(S.ca.certificate.subject);
    expect(parsed.authorityKeyIdentifier).toBe(S.ca.certificate.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId);
    expect(parsed.entries).toEqual([
      { serialNumber: hanakoS.certificate.serialNumber.toLowerCase(), revokedAt: new Date("2026-04-20T09:00:00Z"), reason: "affiliationChanged", reasonCode: 3 },
      { serialNumber: "ff01", revokedAt: new Date("2026-04-21T00:00:00Z"), reason: "keyCompromise", reasonCode: 1 },
    ]);
    expect(parsed.findRevocation("0000ff01")?.reason).toBe("keyCompromise");
    expect(parsed.findRevocation("FF01")?.reasonCode).toBe(1);
    expect(parsed.findRevocation("ff02")).toBeUndefined();
    expect(parsed.distributionPoint).toBeUndefined();
  });

  it("scopes a CRL to a municipality with a critical IDP naming the certificates' CRL DP", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const built = await buildCrl({ ca: S.ca, crlNumber: 1, thisUpdate, nextUpdate, entries: [], municipality: HANAKO });
    const parsed = parseCrl(built.der);
    expect(parsed.entries).toEqual([]);
    expect(parsed.distributionPoint).toMatchObject({ critical: true, onlyContainsUserCerts: true, onlyContainsCACerts: false, uris: [] });
    const dpName = parsed.distributionPoint!.directoryNames[0]!;
    expect(dpName).toContain("CN=Chiyoda-ku CRLDP");
    // The same DN as in 花子's certificate's cRLDistributionPoints.
    const crldp = hanakoS.certificate.getExtension("2.5.29.31")!;
    const fromCert = new x509.CRLDistributionPointsExtension(crldp.rawData).distributionPoints[0]!.distributionPoint!.fullName!;
    expect(fromCert.map((n) => n.directoryName && new x509.Name(n.directoryName).toString())).toContain(dpName);
  });

  it("keeps a CRL of the R CA apart: the S CA's key does not verify it", async () => {
    const { S, R } = await sandboxFixture();
    const parsed = parseCrl((await buildCrl({ ca: R.ca, crlNumber: 7, thisUpdate, nextUpdate, entries: [] })).der);
    await verifyCrl(parsed, R.ca.certificate);
    await expect(verifyCrl(parsed, S.ca.certificate)).rejects.toMatchObject({ code: "CRL_SIGNATURE_INVALID" });
  });

  it("rejects bad arguments with INVALID_ARGUMENT", async () => {
    const { S } = await sandboxFixture();
    const base = { ca: S.ca, crlNumber: 1, thisUpdate, nextUpdate, entries: [] };
    const revokedAt = thisUpdate;
    for (const options of [
      { ...base, crlNumber: -1 },
      { ...base, crlNumber: 1n << 160n },
      { ...base, thisUpdate: nextUpdate, nextUpdate: thisUpdate },
      { ...base, nextUpdate: new Date(NaN) },
      { ...base, entries: [{ serialNumber: "01", revokedAt, reason: "superseded" as const }, { serialNumber: "0001", revokedAt, reason: "superseded" as const }] },
      { ...base, entries: [{ serialNumber: "01", revokedAt, reason: "certificateHold" as never }] },
    ]) {
      await expect(buildCrl(options)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
  });
});
