import { describe, expect, it } from "vitest";
import { isBridgeError } from "../errors.js";
import { classifyFrame, encodeFrame, FrameDecoder } from "./frames.js";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return isBridgeError(error) ? error.code : "not a BridgeError";
  }
  return "no error";
};

describe("vpcd framing", () => {
  it("prefixes a 2-byte big-endian length", () => {
    expect([...encodeFrame(Uint8Array.of(0x90, 0x00))]).toEqual([0x00, 0x02, 0x90, 0x00]);
    const long = encodeFrame(new Uint8Array(258));
    expect([...long.subarray(0, 2)]).toEqual([0x01, 0x02]);
    expect(long.length).toBe(260);
  });

  it("never encodes an empty frame (vpcd would eject the card) nor one over 65535 bytes", () => {
    expect(codeOf(() => encodeFrame(new Uint8Array(0)))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => encodeFrame(new Uint8Array(65_536)))).toBe("INVALID_ARGUMENT");
  });

  it("reassembles frames split anywhere, and several frames in one chunk", () => {
    const decoder = new FrameDecoder();
    const stream = Buffer.concat([encodeFrame(Uint8Array.of(0x04)), encodeFrame(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c)), encodeFrame(Uint8Array.of(0x01))]);
    const frames: number[][] = [];
    // Byte by byte, the worst split vpcd's two writes can make.
    for (const byte of stream) frames.push(...decoder.push(Uint8Array.of(byte)).map((frame) => [...frame]));
    expect(frames).toEqual([[0x04], [0x00, 0xa4, 0x04, 0x0c], [0x01]]);
    expect(decoder.buffered).toBe(0);
    expect(new FrameDecoder().push(stream).map((frame) => [...frame])).toEqual(frames);
    const partial = new FrameDecoder();
    expect(partial.push(Uint8Array.of(0x00, 0x05, 0x00, 0xb0))).toEqual([]);
    expect(partial.buffered).toBe(4);
  });

  it("classifies control codes 00/01/02/04 and anything longer as a C-APDU", () => {
    expect(classifyFrame(Uint8Array.of(0x00))).toEqual({ kind: "powerOff" });
    expect(classifyFrame(Uint8Array.of(0x01))).toEqual({ kind: "powerOn" });
    expect(classifyFrame(Uint8Array.of(0x02))).toEqual({ kind: "reset" });
    expect(classifyFrame(Uint8Array.of(0x04))).toEqual({ kind: "atr" });
    expect(classifyFrame(Uint8Array.of(0x00, 0xb0))).toMatchObject({ kind: "apdu" });
    expect(codeOf(() => classifyFrame(Uint8Array.of(0x03)))).toBe("VPCD_PROTOCOL");
    expect(codeOf(() => classifyFrame(new Uint8Array(0)))).toBe("VPCD_PROTOCOL");
  });
});
