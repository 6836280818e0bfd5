import { describe, expect, it } from "vitest";
import { bytesToBase64, base64ToBytes, hexToBytes, bytesToHex, pemOrDerToDer, toPem } from "./pem.js";

describe("PEM and DER", () => {
  it("round-trips through PEM with the given label", () => {
    const der = Uint8Array.from({ length: 100 }, (_, i) => i);
    const pem = toPem(der, "X509 CRL");
    expect(pem).toMatch(/^-----BEGIN X509 CRL-----\n[A-Za-z0-9+/=\n]+-----END X509 CRL-----\n$/);
    expect(pemOrDerToDer(pem)).toEqual(der);
    expect(pemOrDerToDer(new TextEncoder().encode(pem), ["X509 CRL"])).toEqual(der);
  });

  it("passes DER through and refuses an unexpected label", () => {
    const der = new Uint8Array([0x30, 0x00]);
    expect(pemOrDerToDer(der)).toEqual(der);
    expect(() => pemOrDerToDer(toPem(der, "PRIVATE KEY"), ["CERTIFICATE"])).toThrow(
      expect.objectContaining({ code: "PEM_MALFORMED" }),
    );
  });

  it("converts hex and base64", () => {
    expect(bytesToHex(hexToBytes("00ff10"))).toBe("00ff10");
    expect(() => hexToBytes("0g")).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(base64ToBytes(bytesToBase64(new Uint8Array([250, 251])))).toEqual(new Uint8Array([250, 251]));
  });
});
