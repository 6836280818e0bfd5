import { describe, expect, it } from "vitest";
import type { CardSummary } from "../../shared/api-types";
import { cardUsability, pinAvailable, pinKindFor, withPinTries } from "./card";

const card: CardSummary = {
  id: "c1",
  residentId: "r1",
  holderName: "総務\u3000花子",
  status: "active",
  issuedAt: "2026-11-24T00:00:00Z",
  expiresAt: "2031-03-30T15:00:00Z",
  hasSigningCertificate: true,
  pins: { userAuth: { triesLeft: 3, maxTries: 3, blocked: false }, signing: { triesLeft: 5, maxTries: 5, blocked: false } },
};

describe("cardUsability", () => {
  it("lets only an active card be used and sends the others somewhere", () => {
    expect(cardUsability("active")).toEqual({ usable: true, why: "", next: null });
    expect(cardUsability("lost")).toMatchObject({ usable: false, next: "counter" });
    expect(cardUsability("lost").why).toContain("keyCompromise");
    expect(cardUsability("renewed")).toMatchObject({ usable: false, next: "cards" });
    expect(cardUsability("somethingNew")).toMatchObject({ usable: false, next: "counter" });
  });
});

describe("PINs for approvals", () => {
  it("asks for S to sign and R to log in", () => {
    expect(pinKindFor("sign")).toBe("signing");
    expect(pinKindFor("auth")).toBe("userAuth");
  });

  it("knows when a card cannot answer", () => {
    expect(pinAvailable(card, "signing")).toBe("ok");
    expect(pinAvailable({ ...card, pins: { ...card.pins, signing: null } }, "signing")).toBe("absent");
    expect(pinAvailable(withPinTries(card, "userAuth", 0), "userAuth")).toBe("blocked");
  });

  it("counts down the tries of one PIN only", () => {
    const after = withPinTries(card, "signing", 3);
    expect(after.pins.signing).toEqual({ triesLeft: 3, maxTries: 5, blocked: false });
    expect(after.pins.userAuth).toBe(card.pins.userAuth);
    expect(withPinTries({ ...card, pins: { ...card.pins, signing: null } }, "signing", 1).pins.signing).toBeNull();
  });
});
