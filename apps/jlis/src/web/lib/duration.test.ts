import { describe, expect, it } from "vitest";
import { describeDuration, parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    ["P5Y", { years: 5 }],
    ["P30D", { days: 30 }],
    ["p1y2m10dt2h30m", { years: 1, months: 2, days: 10, hours: 2, minutes: 30 }],
    ["PT12H", { hours: 12 }],
    ["P2W", { weeks: 2 }],
    ["PT1.5S", { seconds: 1.5 }],
    ["  P1D ", { days: 1 }],
  ])("accepts %s", (input, expected) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toEqual({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, ...expected });
    }
  });

  it("returns the canonical upper-case form", () => {
    const result = parseDuration(" p1dt2h ");
    expect(result.ok && result.canonical).toBe("P1DT2H");
  });

  it.each(["", "P", "PT", "P1DT", "5Y", "P5", "P1H", "PT1D", "P1.5Y", "P0D", "P1Y1Y", "hello", "P-1D"])("rejects %j", (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });

  it("rejects going backwards with a hint to reset", () => {
    const result = parseDuration("-P1D");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("reset");
  });
});

describe("describeDuration", () => {
  it("names each unit in Japanese and English", () => {
    const result = parseDuration("P1Y2M");
    if (!result.ok) throw new Error("expected a duration");
    expect(describeDuration(result.value)).toBe("1年2か月 / 1 year 2 months");
  });

  it("pluralises", () => {
    const result = parseDuration("P5Y30D");
    if (!result.ok) throw new Error("expected a duration");
    expect(describeDuration(result.value)).toBe("5年30日 / 5 years 30 days");
  });
});
