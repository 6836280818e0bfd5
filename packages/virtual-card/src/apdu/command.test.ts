import { describe, expect, it } from "vitest";
import { parseHex } from "../bytes.js";
import { parseCommandApdu } from "./command.js";

const parse = (hex: string) => parseCommandApdu(parseHex(hex));

describe("parseCommandApdu (short APDUs, ISO 7816-3 §12.1)", () => {
  it("reads case 1: header only", () => {
    expect(parse("00 20 00 80")).toEqual({
      ok: true,
      apdu: { cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80, case: 1, data: new Uint8Array(0) },
    });
  });

  it("reads case 2 with Le 00 as Ne = 256", () => {
    const parsed = parse("00 B0 00 00 00");
    expect(parsed).toMatchObject({ ok: true, apdu: { case: 2, ne: 256 } });
    expect(parse("00 B0 00 04 04")).toMatchObject({ ok: true, apdu: { case: 2, ne: 4, p2: 4 } });
  });

  it("reads case 3 and case 4", () => {
    expect(parse("00 A4 02 0C 02 00 0A")).toMatchObject({ ok: true, apdu: { case: 3, data: parseHex("00 0A") } });
    const case4 = parse("80 2A 00 80 03 01 02 03 00");
    expect(case4).toMatchObject({ ok: true, apdu: { case: 4, data: parseHex("01 02 03"), ne: 256 } });
  });

  it("answers 67 00 for anything else, never throws", () => {
    for (const hex of ["", "00", "00 A4 04", "00 A4 02 0C 02 00", "00 A4 02 0C 02 00 0A 00 00", "00 B0 00 00 00 00 04"]) {
      expect(parse(hex)).toMatchObject({ ok: false, sw: 0x6700 });
    }
  });

  it("does not support extended length (P3 = 00 followed by more bytes)", () => {
    expect(parse("00 B0 00 00 00 01 00")).toMatchObject({ ok: false, sw: 0x6700, reason: expect.stringContaining("extended") });
  });
});
