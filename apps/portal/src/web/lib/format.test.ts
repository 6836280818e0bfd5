import { describe, expect, it } from "vitest";
import { ageAt, formatBytes, formatJst, formatJstDate, formatWareki, groupHex, isCalendarDate, shortId } from "./format";

describe("Japan time", () => {
  it("shows instants in JST whatever the browser's zone", () => {
    expect(formatJst("2030-03-31T14:59:59.000Z")).toBe("2030-03-31 23:59:59 JST");
    expect(formatJstDate("2030-03-31T15:00:00.000Z")).toBe("2030-04-01");
    expect(formatJst(null)).toBe("—");
    expect(formatJst("not a date")).toBe("not a date");
  });
});

describe("formatWareki", () => {
  it("writes Hanako's date of birth in Heisei", () => {
    expect(formatWareki("2010-03-31")).toBe("平成22年3月31日");
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("31/03/2010")).toBeNull();
  });
});

describe("ageAt", () => {
  it("counts up on the birthday, in Japan time", () => {
    expect(ageAt("2010-03-31", "2025-03-30T14:59:59Z")).toBe(14);
    // 2025-03-30T15:00Z is 31 March in Japan: her 15th birthday
    expect(ageAt("2010-03-31", "2025-03-30T15:00:00Z")).toBe(15);
    expect(ageAt("2010-03-31", "2026-11-24T00:00:00Z")).toBe(16);
  });

  it("handles 29 February and bad input", () => {
    expect(ageAt("2012-02-29", "2027-02-28T03:00:00Z")).toBe(14);
    expect(ageAt("2012-02-29", "2027-03-01T03:00:00Z")).toBe(15);
    expect(ageAt("2012-02-30", "2027-03-01T03:00:00Z")).toBeNull();
    expect(ageAt("2012-02-01", "nope")).toBeNull();
  });
});

describe("small formats", () => {
  it("checks calendar dates", () => {
    expect(isCalendarDate("2010-03-31")).toBe(true);
    expect(isCalendarDate("2010-02-31")).toBe(false);
    expect(isCalendarDate("2010-3-31")).toBe(false);
  });

  it("groups hex, shortens ids, sizes bytes", () => {
    expect(groupHex("a1b2c")).toBe("0a 1b 2c");
    expect(shortId("c1a2b3c4-d5e6")).toBe("c1a2b3c4…");
    expect(shortId("short")).toBe("short");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
  });
});
