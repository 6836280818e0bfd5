import { describe, expect, it } from "vitest";
import { abbreviateHex, describeStatusWord, maskVerifyData, newestFirst } from "./apdu";

describe("describeStatusWord", () => {
  it("explains the answers the JPKI applet gives", () => {
    expect(describeStatusWord("9000")).toMatchObject({ tone: "good", en: "OK" });
    expect(describeStatusWord("63c2")).toMatchObject({ sw: "63C2", tone: "warn", en: "2 tries left" });
    expect(describeStatusWord("69 83")).toMatchObject({ sw: "6983", tone: "bad", en: "PIN blocked" });
    expect(describeStatusWord("6A82").en).toBe("file not found");
    expect(describeStatusWord("6F00")).toMatchObject({ sw: "6F00", tone: "neutral", en: "" });
  });
});

describe("abbreviateHex", () => {
  it("keeps short data and cuts long data", () => {
    expect(abbreviateHex("00a4 020c 02 0001")).toEqual({ text: "00a4020c020001", truncated: false, bytes: 7 });
    expect(maskVerifyData("00 20 00 80 04 ** ** ** **")).toBe("0020008004********");
    expect(abbreviateHex("ab".repeat(30), 4)).toEqual({ text: "abababab…", truncated: true, bytes: 30 });
  });
});

describe("newestFirst", () => {
  it("puts the latest command first and keeps ties in the server's order", () => {
    const e = (at: string, description: string) => ({ at, description, command: "", response: "", status: "9000" });
    const log = [e("2026-01-01T00:00:00Z", "a"), e("2026-01-01T00:00:02Z", "b"), e("2026-01-01T00:00:02Z", "c"), e("2026-01-01T00:00:01Z", "d")];
    expect(newestFirst(log).map((x) => x.description)).toEqual(["b", "c", "d", "a"]);
  });
});

describe("maskVerifyData", () => {
  it("hides the PIN of a VERIFY and leaves other commands alone", () => {
    expect(maskVerifyData("002000800431323334")).toBe("0020008004********");
    expect(maskVerifyData("0020008000")).toBe("0020008000");
    expect(maskVerifyData("00a4020c020001")).toBe("00a4020c020001");
  });
});
