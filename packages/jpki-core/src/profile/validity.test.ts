import { describe, expect, it } from "vitest";
import {
  ageAt,
  cardExpiry,
  certificateNotAfter,
  endOfJapanDay,
  isEligibleForSigningCertificate,
  japanDateOf,
  nthBirthdayAfter,
} from "./validity.js";

const jst = (local: string) => new Date(`${local}+09:00`);

describe("validity (JPKI.md: 5th birthday after issuance, end of day JST)", () => {
  it("ends at 23:59:59 Japan time, 14:59:59 UTC", () => {
    expect(endOfJapanDay("2031-03-31").toISOString()).toBe("2031-03-31T14:59:59.000Z");
  });

  it("reads the calendar date in Japan, not in UTC", () => {
    expect(japanDateOf(new Date("2026-03-30T16:00:00Z"))).toBe("2026-03-31");
  });

  it("counts birthdays strictly after the issuance date", () => {
    expect(nthBirthdayAfter("2010-03-31", jst("2026-04-01T10:00:00"), 5)).toBe("2031-03-31");
    expect(nthBirthdayAfter("2010-03-31", jst("2026-03-30T10:00:00"), 5)).toBe("2030-03-31");
    // Issued on the birthday itself: that birthday is not "after" issuance.
    expect(nthBirthdayAfter("2010-03-31", jst("2026-03-31T10:00:00"), 1)).toBe("2027-03-31");
  });

  it("gives a 29 February birthday on 28 February in common years", () => {
    expect(nthBirthdayAfter("2004-02-29", jst("2026-01-10T10:00:00"), 1)).toBe("2026-02-28");
    expect(nthBirthdayAfter("2004-02-29", jst("2026-01-10T10:00:00"), 3)).toBe("2028-02-29");
  });

  it("computes age on the Japan date", () => {
    expect(ageAt("2010-03-31", jst("2026-03-30T23:00:00"))).toBe(15);
    expect(ageAt("2010-03-31", jst("2026-03-31T00:00:00"))).toBe(16);
  });

  it("runs a card to the 10th birthday for adults and the 5th for under-18s", () => {
    expect(cardExpiry("1980-06-15", jst("2026-04-01T10:00:00")).toISOString()).toBe("2035-06-15T14:59:59.000Z");
    expect(cardExpiry("2010-03-31", jst("2026-04-01T10:00:00")).toISOString()).toBe("2031-03-31T14:59:59.000Z");
  });

  it("caps certificates at the card's expiry", () => {
    const issued = jst("2026-04-01T10:00:00");
    expect(certificateNotAfter("1980-06-15", issued).toISOString()).toBe("2030-06-15T14:59:59.000Z");
    const card = endOfJapanDay("2028-01-01");
    expect(certificateNotAfter("1980-06-15", issued, card)).toEqual(card);
  });

  it("gives S to holders 15 and over, and to younger ones only on request", () => {
    expect(isEligibleForSigningCertificate("2012-05-05", jst("2026-04-01T10:00:00"))).toBe(false);
    expect(isEligibleForSigningCertificate("2012-05-05", jst("2026-04-01T10:00:00"), true)).toBe(true);
    expect(isEligibleForSigningCertificate("2011-03-31", jst("2026-03-31T09:00:00"))).toBe(true);
  });
});
