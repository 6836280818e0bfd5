import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toPem } from "../encoding/pem.js";
import { openssl } from "../test-support/openssl.js";
import { sandboxFixture, tempDir } from "../test-support/fixtures.js";
import { parseCertificate } from "./parse.js";

describe("parseCertificate", () => {
  it("reads 花子's S certificate from PEM and DER alike", async () => {
    const { hanakoS } = await sandboxFixture();
    const fromDer = parseCertificate(hanakoS.certificate.rawData);
    const fromPem = parseCertificate(toPem(hanakoS.certificate.rawData, "CERTIFICATE"));
    expect(fromPem.serialNumber).toBe(fromDer.serialNumber);
    expect(fromDer).toMatchObject({
      kind: "S",
      signingPolicy: "test",
      isCa: false,
      municipality: { prefectureRomaji: "Tokyo-to", cityRomaji: "Chiyoda-ku" },
      ocspUrls: ["http://localhost:4010/ocsp/s"],
      attributes: { name: "総務\u3000花子", dateOfBirth: "2010-03-31", sex: "female" },
    });
    expect(BigInt(fromDer.serialNumberDecimal).toString(16)).toBe(fromDer.serialNumber.replace(/^0+/, ""));
  });

  it("reads R as R, with no attributes", async () => {
    const { hanakoR } = await sandboxFixture();
    const parsed = parseCertificate(hanakoR.certificate.rawData);
    expect(parsed.kind).toBe("R");
    expect(parsed.attributes).toBeUndefined();
  });

  it("calls CA certificates and foreign certificates 'other'", async () => {
    const { S } = await sandboxFixture();
    expect(parseCertificate(S.ca.certificate.rawData).kind).toBe("other");
    const dir = tempDir();
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=x", "-days", "1",
      "-keyout", join(dir, "k.pem"), "-out", join(dir, "c.pem")]);
    expect(parseCertificate(readFileSync(join(dir, "c.pem"), "utf8")).kind).toBe("other");
  });

  it.each([
    ["empty input", new Uint8Array()],
    ["random bytes", Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256)],
    ["a PEM of something else", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"],
    ["a PEM with broken base64", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"],
    ["plain text", "hello"],
  ])("turns %s into CERTIFICATE_MALFORMED", (_what, input) => {
    expect(() => parseCertificate(input)).toThrow(expect.objectContaining({ code: "CERTIFICATE_MALFORMED" }));
  });

  it("turns truncated DER into CERTIFICATE_MALFORMED", async () => {
    const { hanakoS } = await sandboxFixture();
    const der = new Uint8Array(hanakoS.certificate.rawData);
    for (const length of [1, 4, 100, der.length - 1]) {
      expect(() => parseCertificate(der.slice(0, length))).toThrow(expect.objectContaining({ code: "CERTIFICATE_MALFORMED" }));
    }
  });
});
