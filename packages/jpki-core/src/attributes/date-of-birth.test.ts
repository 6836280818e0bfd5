import { describe, expect, it } from "vitest";
import { isJpkiError } from "../errors.js";
import { decodeDateOfBirth, encodeDateOfBirth, eraOf, isValidIsoDate } from "./date-of-birth.js";

describe("date of birth (EYYYYMMDD)", () => {
  it("encodes 花子's birthday as JPKI.md gives it", () => {
    expect(encodeDateOfBirth("2010-03-31")).toBe("420100331");
  });

  it.each([
    ["1912-07-29", "meiji", "1"],
    ["1912-07-30", "taisho", "2"],
    ["1926-12-24", "taisho", "2"],
    ["1926-12-25", "showa", "3"],
    ["1989-01-07", "showa", "3"],
    ["1989-01-08", "heisei", "4"],
    ["2019-04-30", "heisei", "4"],
    ["2019-05-01", "reiwa", "5"],
  ])("puts %s in era %s", (date, era, digit) => {
    expect(eraOf(date)).toBe(era);
    expect(encodeDateOfBirth(date)).toBe(`${digit}${date.replace(/-/g, "")}`);
    expect(decodeDateOfBirth(encodeDateOfBirth(date))).toEqual({ era, date });
  });

  it("writes an unknown date as all zeros and reads it back as null", () => {
    expect(encodeDateOfBirth(null)).toBe("000000000");
    expect(decodeDateOfBirth("000000000")).toEqual({ era: "unknown", date: null });
  });

  it.each(["42010033", "4201003310", "920100331", "420100230", "320100331", "abc"])("refuses %s", (value) => {
    expect(() => decodeDateOfBirth(value)).toThrow(expect.objectContaining({ code: "ATTRIBUTES_MALFORMED" }));
  });

  it("refuses impossible dates on encoding", () => {
    let caught: unknown;
    try {
      encodeDateOfBirth("2010-02-30");
    } catch (error) {
      caught = error;
    }
    expect(isJpkiError(caught, "INVALID_ARGUMENT")).toBe(true);
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2023-02-29")).toBe(false);
  });
});
