import { describe, expect, it } from "vitest";
import { CARD_STATUSES, SEXES, label, lookup } from "./labels.js";

describe("labels", () => {
  it("shows Japanese with English beside it", () => {
    expect(label(CARD_STATUSES.lost)).toBe("紛失 / Lost");
    expect(label(SEXES.female)).toBe("女 / Female");
  });

  it("looks up known values and keeps unknown ones visible, neutral", () => {
    expect(lookup(CARD_STATUSES, "lost")).toBe(CARD_STATUSES.lost);
    expect(lookup(CARD_STATUSES, "suspended")).toEqual({ ja: "suspended", en: "suspended", tone: "neutral" });
  });

  it("tones the card statuses", () => {
    expect(CARD_STATUSES.active.tone).toBe("good");
    expect(CARD_STATUSES.holderDeceased.tone).toBe("bad");
  });
});
