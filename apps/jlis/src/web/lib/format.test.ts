import { describe, expect, it } from "vitest";
import {
  approximateOffsetYears,
  formatJst,
  formatJstDate,
  formatOffset,
  formatWareki,
  groupHex,
  projectSandboxNow,
  shortId,
} from "./format";

describe("formatJst", () => {
  it("shows UTC instants in Japan time", () => {
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
  });
});

describe("formatOffset", () => {
  it("formats days and time with a sign", () => {
    expect(formatOffset(0)).toBe("±0");
    expect(formatOffset(999)).toBe("±0");
    expect(formatOffset(86_400_000 * 30)).toBe("+30d 00:00:00");
    expect(formatOffset(86_400_000 * 1826 + 12_000)).toBe("+1826d 00:00:12");
    expect(formatOffset(-(3 * 86_400_000 + 3_600_000))).toBe("−3d 01:00:00");
  });
  it("approximates years", () => {
    expect(approximateOffsetYears(1000)).toBeNull();
    expect(approximateOffsetYears(5 * 365.2425 * 86_400_000)).toBe("≈ +5.0 年 / years");
  });
});

describe("projectSandboxNow", () => {
  it("runs the sandbox clock at real speed from the last reading", () => {
    const now = projectSandboxNow("2030-01-01T00:00:00.000Z", 1_000, 6_000);
    expect(now.toISOString()).toBe("2030-01-01T00:00:05.000Z");
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
  });
});

describe("shortId and groupHex", () => {
  it("shortens long ids only", () => {
    expect(shortId("abc")).toBe("abc");
    expect(shortId("c1a2b3c4-0000-4000-8000-000000000000")).toBe("c1a2b3c4…");
  });
  it("groups hex in pairs", () => {
    expect(groupHex("0a1b2c")).toBe("0a 1b 2c");
    expect(groupHex("a1b2c")).toBe("0a 1b 2c");
  });
});
