import { describe, expect, it } from "vitest";
import { approximateOffsetYears, formatOffset, projectSandboxNow } from "./format";

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
