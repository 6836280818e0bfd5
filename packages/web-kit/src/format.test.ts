import { describe, expect, it } from "vitest";
import { formatJst, formatJstDate, formatWareki, groupHex, isCalendarDate, pad, shortId } from "./format.js";

describe("formatJst", () => {
  it("shows UTC instants in Japan time whatever the browser's zone", () => {
    expect(formatJst("2030-03-31T14:59:59.000Z")).toBe("2030-03-31 23:59:59 JST");
    expect(formatJst("2025-12-31T15:00:00Z")).toBe("2026-01-01 00:00:00 JST");
  });
  it("accepts Dates and keeps unparsable input visible", () => {
    expect(formatJst(new Date(Date.UTC(2020, 0, 1, 0, 0, 0)))).toBe("2020-01-01 09:00:00 JST");
    expect(formatJst("not a date")).toBe("not a date");
    expect(formatJst(null)).toBe("—");
    expect(formatJst(undefined)).toBe("—");
  });
});

describe("formatJstDate", () => {
  it("gives the calendar date in Japan", () => {
    expect(formatJstDate("2030-03-31T15:00:00Z")).toBe("2030-04-01");
    expect(formatJstDate("2030-03-31T14:59:59Z")).toBe("2030-03-31");
    expect(formatJstDate(null)).toBe("—");
    expect(formatJstDate("nope")).toBe("nope");
  });
});

describe("formatWareki", () => {
  it("uses the era of the date", () => {
    expect(formatWareki("2010-03-31")).toBe("平成22年3月31日");
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("2019-04-30")).toBe("平成31年4月30日");
    expect(formatWareki("1989-01-07")).toBe("昭和64年1月7日");
    expect(formatWareki("1926-12-25")).toBe("昭和元年12月25日");
  });
  it("gives up on dates it cannot place", () => {
    expect(formatWareki("1800-01-01")).toBeNull();
    expect(formatWareki("2010/03/31")).toBeNull();
    expect(formatWareki("31/03/2010")).toBeNull();
  });
});

describe("shortId, groupHex and pad", () => {
  it("shortens long ids only", () => {
    expect(shortId("abc")).toBe("abc");
    expect(shortId("short")).toBe("short");
    expect(shortId("c1a2b3c4-d5e6")).toBe("c1a2b3c4…");
    expect(shortId("c1a2b3c4-0000-4000-8000-000000000000")).toBe("c1a2b3c4…");
  });
  it("groups hex in pairs", () => {
    expect(groupHex("0a1b2c")).toBe("0a 1b 2c");
    expect(groupHex("a1b2c")).toBe("0a 1b 2c");
  });
  it("pads with zeros", () => {
    expect(pad(7)).toBe("07");
    expect(pad(7, 3)).toBe("007");
  });
});

describe("isCalendarDate", () => {
  it("knows real dates, leap days included, and only YYYY-MM-DD", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2010-03-31")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2010-02-31")).toBe(false);
    expect(isCalendarDate("2010-3-31")).toBe(false);
  });
});
