import { beforeAll, describe, expect, it } from "vitest";
import { isBankError } from "../errors.js";
import { SANDBOX_NOW, testCa, testPki, type TestCa, type TestPki } from "../test-support/sandbox.js";
import { assertCertificateValid } from "./certificate-check.js";

let pki: TestPki;
/** Another S CA with the very same DN (a second "J-LIS"): its root is not the bank's trust anchor. */
let otherS: TestCa;

beforeAll(async () => {
  [pki, otherS] = await Promise.all([testPki(), testCa("S", "otherCaS", "otherResponderS")]);
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isBankError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe("certificate check (④: kind, chain to the J-LIS root, validity at sandbox time)", () => {
  it("accepts 花子's S certificate against the S root at sandbox time", async () => {
    const result = await assertCertificateValid(pki.hanakoS.certificate, { kind: "S", root: pki.S.ca.certificate, at: SANDBOX_NOW });
    expect(result.root.serialNumber).toBe(pki.S.ca.certificate.serialNumber);
  });

  it("accepts 花子's R certificate where R is expected", async () => {
    await expect(assertCertificateValid(pki.hanakoR.certificate, { kind: "R", root: pki.R.ca.certificate, at: SANDBOX_NOW })).resolves.toBeDefined();
  });

  it("WRONG_CERTIFICATE_KIND for an R certificate where S is expected", async () => {
    expect(await codeOf(assertCertificateValid(pki.hanakoR.certificate, { kind: "S", root: pki.S.ca.certificate, at: SANDBOX_NOW }))).toBe("WRONG_CERTIFICATE_KIND");
  });

  it("WRONG_CERTIFICATE_KIND for an S certificate where R is expected", async () => {
    expect(await codeOf(assertCertificateValid(pki.hanakoS.certificate, { kind: "R", root: pki.R.ca.certificate, at: SANDBOX_NOW }))).toBe("WRONG_CERTIFICATE_KIND");
  });

  it("WRONG_CERTIFICATE_KIND for a CA certificate (not a JPKI end-entity certificate)", async () => {
    expect(await codeOf(assertCertificateValid(pki.S.ca.certificate, { kind: "S", root: pki.S.ca.certificate, at: SANDBOX_NOW }))).toBe("WRONG_CERTIFICATE_KIND");
  });

  it("CERTIFICATE_EXPIRED after notAfter at sandbox time", async () => {
    const at = new Date(pki.hanakoS.certificate.notAfter.getTime() + 1000);
    expect(await codeOf(assertCertificateValid(pki.hanakoS.certificate, { kind: "S", root: pki.S.ca.certificate, at }))).toBe("CERTIFICATE_EXPIRED");
  });

  it("CERTIFICATE_NOT_YET_VALID before notBefore at sandbox time", async () => {
    const at = new Date(pki.hanakoS.certificate.notBefore.getTime() - 1000);
    expect(await codeOf(assertCertificateValid(pki.hanakoS.certificate, { kind: "S", root: pki.S.ca.certificate, at }))).toBe("CERTIFICATE_NOT_YET_VALID");
  });

  it("CERTIFICATE_UNTRUSTED when the root is another CA (same DN, other key)", async () => {
    expect(await codeOf(assertCertificateValid(pki.hanakoS.certificate, { kind: "S", root: otherS.ca.certificate, at: SANDBOX_NOW }))).toBe("CERTIFICATE_UNTRUSTED");
  });

  it("CERTIFICATE_UNTRUSTED when the root is J-LIS's root of the other kind", async () => {
    expect(await codeOf(assertCertificateValid(pki.hanakoS.certificate, { kind: "S", root: pki.R.ca.certificate, at: SANDBOX_NOW }))).toBe("CERTIFICATE_UNTRUSTED");
  });
});
