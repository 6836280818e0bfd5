import { describe, expect, it } from "vitest";
import { describeCommand, describeResponse } from "./apdu-log.js";

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ""), "hex"));

describe("APDUs in the bridge's log", () => {
  it("masks every PIN byte of VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER", () => {
    expect(describeCommand(bytes("00 20 00 80 04 31 32 33 34"))).toBe("00 20 00 80 04 ** ** ** **");
    expect(describeCommand(bytes("00 20 00 80 08 53 41 4E 44 42 4F 58 31"))).not.toMatch(/53|41|4E/);
    expect(describeCommand(bytes("00 24 00 80 08 31 32 33 34 35 36 37 38"))).toBe("00 24 00 80 08 ** ** ** ** ** ** ** **");
    expect(describeCommand(bytes("00 2C 00 80 04 31 32 33 34"))).toBe("00 2C 00 80 04 ** ** ** **");
  });

  it("shows headers, short data and Le as they are, long data shortened", () => {
    expect(describeCommand(bytes("00 20 00 80"))).toBe("00 20 00 80");
    expect(describeCommand(bytes("00 A4 02 0C 02 00 18"))).toBe("00 A4 02 0C 02 00 18");
    expect(describeCommand(bytes("00 B0 00 00 00"))).toBe("00 B0 00 00 00");
    const digestInfo = describeCommand(bytes(`80 2A 00 80 33 ${"AB ".repeat(51)} 00`));
    expect(digestInfo).toMatch(/^80 2A 00 80 33 (AB ){16}…\(51 bytes\) 00$/);
  });

  it("summarises responses by length and status word", () => {
    expect(describeResponse(bytes("63 C2"))).toBe("63 C2");
    expect(describeResponse(bytes(`${"30 ".repeat(256)} 90 00`))).toBe("256 bytes, 90 00");
  });
});
