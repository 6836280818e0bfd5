import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { isJpkiError } from "../errors.js";
import { sandboxFixture } from "../test-support/fixtures.js";
import { certIdsEqual } from "./cert-id.js";
import { buildOcspRequest } from "./request.js";
import { parseOcspRequest } from "./request-parser.js";

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(isJpkiError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

describe("OCSP request", () => {
  it("round-trips several serials and an RFC 8954 nonce", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const nonceValue = new Uint8Array(32).fill(7);
    const built = await buildOcspRequest({
      issuer: S.ca.certificate,
      serialNumbers: [hanakoS.certificate.serialNumber, "00ab"],
      nonce: nonceValue,
    });
    expect(bytesToHex(built.nonce!)).toBe(`0420${"07".repeat(32)}`);
    const parsed = parseOcspRequest(built.der);
    expect(parsed.certIds).toHaveLength(2);
    expect(certIdsEqual(parsed.certIds[0]!, built.certIds[0]!)).toBe(true);
    expect(parsed.certIds[1]!.serialNumber).toBe("ab");
    expect(parsed.nonce).toEqual(built.nonce);
    expect(parsed.nonceValue).toEqual(nonceValue);
    expect(parsed.signed).toBe(false);
    expect(parsed.otherExtensions).toEqual([]);
  });

  it("has no nonce unless asked, and a random 32-octet one for `true`", async () => {
    const { S } = await sandboxFixture();
    const plain = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"] });
    expect(plain.nonce).toBeUndefined();
    expect(parseOcspRequest(plain.der).nonce).toBeUndefined();
    const a = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: true });
    const b = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: true });
    expect(a.nonce).toHaveLength(34);
    expect(a.nonce).not.toEqual(b.nonce);
  });

  it("keeps a nonce that is not in RFC 8954 form as raw bytes (to echo), without a nonceValue", async () => {
    const { S } = await sandboxFixture();
    const built = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: new Uint8Array([1]) });
    // Rewrite the extnValue contents `04 01 01` into a bare `01 02 03` (the pre-RFC 8954 habit).
    const der = Uint8Array.from(built.der);
    const at = bytesToHex(der).lastIndexOf("0403040101") / 2;
    der.set([0x04, 0x03, 0x01, 0x02, 0x03], at);
    const parsed = parseOcspRequest(der);
    expect(parsed.nonce).toEqual(new Uint8Array([1, 2, 3]));
    expect(parsed.nonceValue).toBeUndefined();
  });

  it("rejects bad arguments when building", async () => {
    const { S } = await sandboxFixture();
    await expect(buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: [] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(
      buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: new Uint8Array(33) }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("answers OCSP_REQUEST_MALFORMED for garbage, truncation, trailing bytes and empty lists", async () => {
    const { S } = await sandboxFixture();
    const { der } = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: true });
    expectCode(() => parseOcspRequest(new Uint8Array(0)), "OCSP_REQUEST_MALFORMED");
    expectCode(() => parseOcspRequest(new TextEncoder().encode("GET / HTTP/1.1")), "OCSP_REQUEST_MALFORMED");
    expectCode(() => parseOcspRequest(der.subarray(0, der.length - 5)), "OCSP_REQUEST_MALFORMED");
    expectCode(() => parseOcspRequest(new Uint8Array([...der, 0x00])), "OCSP_REQUEST_MALFORMED");
    expectCode(() => parseOcspRequest(new Uint8Array([0x30, 0x04, 0x30, 0x02, 0x30, 0x00])), "OCSP_REQUEST_MALFORMED");
    expectCode(() => parseOcspRequest(new Uint8Array(S.ca.certificate.rawData)), "OCSP_REQUEST_MALFORMED");
  });
});
