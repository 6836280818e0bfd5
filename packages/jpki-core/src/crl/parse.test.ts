import { describe, expect, it } from "vitest";
import { isJpkiError } from "../errors.js";
import { caFixture, sandboxFixture } from "../test-support/fixtures.js";
import { buildCrl } from "./build.js";
import { parseCrl, verifyCrl } from "./parse.js";

function expectMalformed(input: string | Uint8Array<ArrayBuffer>): void {
  try {
    parseCrl(input);
  } catch (error) {
    expect(isJpkiError(error, "CRL_MALFORMED")).toBe(true);
    return;
  }
  expect.unreachable("expected CRL_MALFORMED");
}

const thisUpdate = new Date("2026-05-01T00:00:00Z");
const nextUpdate = new Date("2026-05-02T00:00:00Z");

describe("CRL parser", () => {
  it("is CRL_MALFORMED for garbage, truncation, trailing bytes, a certificate, wrong PEM", async () => {
    const { S } = await sandboxFixture();
    const { der } = await buildCrl({ ca: S.ca, crlNumber: 1, thisUpdate, nextUpdate, entries: [] });
    expectMalformed(new Uint8Array(0));
    expectMalformed(new TextEncoder().encode("not a crl"));
    expectMalformed("-----BEGIN X509 CRL-----\n!!!!\n-----END X509 CRL-----\n");
    expectMalformed("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    expectMalformed(der.subarray(0, der.length - 3));
    expectMalformed(new Uint8Array([...der, 0]));
    expectMalformed(new Uint8Array(S.ca.certificate.rawData));
  });

  it("accepts the `BEGIN CRL` label @peculiar/x509 writes", async () => {
    const { S } = await sandboxFixture();
    const { crl } = await buildCrl({ ca: S.ca, crlNumber: 3, thisUpdate, nextUpdate, entries: [] });
    expect(parseCrl(crl.toString("pem")).crlNumber).toBe(3n);
  });

  it("is CRL_SIGNATURE_INVALID for a flipped signature byte, another CA generation, or another issuer", async () => {
    const { S } = await sandboxFixture();
    const { der } = await buildCrl({
      ca: S.ca,
      crlNumber: 9,
      thisUpdate,
      nextUpdate,
      entries: [{ serialNumber: "0a", revokedAt: thisUpdate, reason: "superseded" }],
    });
    const tampered = Uint8Array.from(der);
    tampered[der.length - 5]! ^= 0xff;
    await expect(verifyCrl(parseCrl(tampered), S.ca.certificate)).rejects.toMatchObject({ code: "CRL_SIGNATURE_INVALID" });
    const altered = Uint8Array.from(der);
    altered[Buffer.from(der).indexOf(Buffer.from("0a0104", "hex")) + 2] = 0x05; // superseded → cessationOfOperation
    const parsedAltered = parseCrl(altered);
    expect(parsedAltered.findRevocation("0a")?.reason).toBe("cessationOfOperation");
    await expect(verifyCrl(parsedAltered, S.ca.certificate)).rejects.toMatchObject({ code: "CRL_SIGNATURE_INVALID" });
    const nextGeneration = await caFixture("S"); // same DN, new key
    await expect(verifyCrl(parseCrl(der), nextGeneration.ca.certificate)).rejects.toMatchObject({ code: "CRL_SIGNATURE_INVALID" });
  });
});
