import { describe, expect, it } from "vitest";
import { ageAt, formatBytes } from "./format";

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
  it("sizes bytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KiB");
  });
});
