import { describe, expect, it } from "vitest";
import {
  base64ByteLength,
  decodeBase64,
  describeMessage,
  formatBytes,
  formatSerial,
  hexPreview,
  isBase64,
  messageFileName,
  wrapBase64,
} from "./format";

describe("formatSerial", () => {
  it("shows hex serials lower-case, without separators or extra leading zero bytes", () => {
    expect(formatSerial("0A1B2C")).toBe("0a1b2c");
    expect(formatSerial("0x00ff")).toBe("ff");
    expect(formatSerial("0a:1b:2c")).toBe("0a1b2c");
    expect(formatSerial("abc")).toBe("0abc");
    expect(formatSerial("00")).toBe("00");
  });
  it("shows a dash for nothing", () => {
    expect(formatSerial(null)).toBe("—");
    expect(formatSerial(undefined)).toBe("—");
    expect(formatSerial(" ")).toBe("—");
  });
});

describe("formatBytes", () => {
  it("counts bytes for people", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MiB");
    expect(formatBytes(-1)).toBe("-1");
  });
});

describe("base64", () => {
  it("recognises base64, padded, unpadded, URL-safe and wrapped", () => {
    expect(isBase64("MIIB")).toBe(true);
    expect(isBase64("MII=")).toBe(true);
    expect(isBase64("MII")).toBe(true);
    expect(isBase64("a-_b")).toBe(true);
    expect(isBase64("MIIB\nMIIB")).toBe(true);
    expect(isBase64("")).toBe(false);
    expect(isBase64("{\"a\":1}")).toBe(false);
    expect(isBase64("abcde")).toBe(false);
    expect(isBase64("ab=c")).toBe(false);
  });
  it("counts the bytes without decoding, and decodes to the same count", () => {
    for (const [text, size] of [["MIIB", 3], ["MII=", 2], ["MA==", 1], ["MA", 1], ["MIIBMIIB\r\nMIIB", 9]] as const) {
      expect(base64ByteLength(text)).toBe(size);
      expect(decodeBase64(text)?.length).toBe(size);
    }
    expect(base64ByteLength("not base64!")).toBeNull();
    expect(decodeBase64("not base64!")).toBeNull();
  });
  it("decodes the URL alphabet", () => {
    expect(Array.from(decodeBase64("-_8") ?? [])).toEqual([0xfb, 0xff]);
  });
});

describe("hexPreview", () => {
  it("shows the first bytes as grouped hex", () => {
    expect(hexPreview(new Uint8Array([0x30, 0x82, 0x01]))).toBe("30 82 01");
    expect(hexPreview(new Uint8Array([1, 2, 3]), 2)).toBe("01 02 …");
  });
});

describe("describeMessage", () => {
  const der = btoa(String.fromCharCode(0x30, 0x03, 0x02, 0x01, 0x05));
  it("shows DER as binary with its size", () => {
    expect(describeMessage("application/ocsp-request", der)).toEqual({ kind: "binary", base64: der, size: 5, der: true, preview: "30 03 02 01 05" });
    expect(describeMessage("application/pkcs7-mime", `${der.slice(0, 4)}\n${der.slice(4)}`)).toMatchObject({ kind: "binary", base64: der });
  });
  it("pretty-prints JSON and keeps text", () => {
    expect(describeMessage("application/json", '{"userAuthSerial":"0a"}')).toEqual({ kind: "json", text: '{\n  "userAuthSerial": "0a"\n}' });
    expect(describeMessage("application/json", "not json")).toEqual({ kind: "text", text: "not json" });
    expect(describeMessage("text/plain; charset=utf-8", "口座開設申込書")).toEqual({ kind: "text", text: "口座開設申込書" });
  });
  it("shows a body that is not base64 as text", () => {
    expect(describeMessage("application/octet-stream", "¿what?")).toEqual({ kind: "text", text: "¿what?" });
  });
});

describe("wrapBase64", () => {
  it("wraps at 64 columns like PEM", () => {
    const b = "A".repeat(130);
    expect(wrapBase64(b).split("\n").map((l) => l.length)).toEqual([64, 64, 2]);
    expect(wrapBase64("")).toBe("");
  });
});

describe("messageFileName", () => {
  it("names a download after the label and type", () => {
    expect(messageFileName("OCSP request", "application/ocsp-request")).toBe("ocsp-request.der");
    expect(messageFileName("Linkage answer", "application/json")).toBe("linkage-answer.json");
    expect(messageFileName("申込書", "text/plain")).toBe("message.txt");
  });
});
