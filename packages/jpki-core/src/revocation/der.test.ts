import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { childrenOf, decodeOid, generalizedTime, integerFromHex, oid, readOnly, readTlv, sequence, tlv } from "./der.js";

describe("DER helpers", () => {
  it("encodes fixed vectors", () => {
    expect(bytesToHex(oid("1.3.6.1.5.5.7.48.1.2"))).toBe("06092b0601050507300102");
    expect(bytesToHex(oid("2.16.840.1.101.3.4.2.1"))).toBe("0609608648016503040201");
    expect(bytesToHex(integerFromHex("00ff"))).toBe("020200ff");
    expect(bytesToHex(integerFromHex("0000007f"))).toBe("02017f");
    expect(bytesToHex(integerFromHex("0"))).toBe("020100");
    expect(bytesToHex(generalizedTime(new Date("2026-04-01T01:02:03.999Z")))).toBe(
      bytesToHex(new TextEncoder().encode("\x18\x0f20260401010203Z")),
    );
    expect(bytesToHex(tlv(0x04, new Uint8Array(200))).slice(0, 6)).toBe("0481c8");
    expect(bytesToHex(tlv(0x04, new Uint8Array(300))).slice(0, 8)).toBe("0482012c");
  });

  it("reads back what it writes and rejects truncation and trailing bytes", () => {
    const der = sequence(oid("1.2.840.113549.1.1.11"), new Uint8Array([0x05, 0x00]));
    const outer = readOnly(der, 0x30);
    const [first, second] = childrenOf(der, outer);
    expect(decodeOid(der.subarray(first!.valueStart, first!.end))).toBe("1.2.840.113549.1.1.11");
    expect(second!.tag).toBe(0x05);
    expect(() => readOnly(der.subarray(0, der.length - 1))).toThrow();
    expect(() => readOnly(new Uint8Array([...der, 0]))).toThrow();
    expect(() => readTlv(new Uint8Array([0x30]))).toThrow();
    expect(() => readTlv(new Uint8Array([0x30, 0x80, 0x00, 0x00]))).toThrow(); // indefinite length
  });
});
