import { PIN_RULES as CARD_PIN_RULES } from "@jpki-sandbox/virtual-card/pin-rules";
import { describe, expect, it } from "vitest";
import { PIN_RULES, isValidPin, newPinState, pinChecks, triesText } from "./pin-rules";

describe("R PIN (利用者証明用パスワード)", () => {
  it("is exactly 4 digits", () => {
    expect(isValidPin("userAuth", "1234")).toBe(true);
    expect(isValidPin("userAuth", "0000")).toBe(true);
    for (const bad of ["", "123", "12345", "12a4", "１２３４", "12 4", "ABCD"]) expect(isValidPin("userAuth", bad)).toBe(false);
  });

  it("has 3 tries", () => {
    expect(PIN_RULES.userAuth.maxTries).toBe(3);
  });

  it("says which check fails and why", () => {
    const [length, charset] = pinChecks("userAuth", "12a");
    expect(length).toMatchObject({ id: "length", ok: false });
    expect(charset).toMatchObject({ id: "charset", ok: false, en: "digits only" });
    expect(pinChecks("userAuth", "１２３４")[1]?.en).toContain("full-width");
    expect(pinChecks("userAuth", "")).toEqual([
      expect.objectContaining({ id: "length", ok: false }),
      expect.objectContaining({ id: "charset", ok: false }),
    ]);
  });
});

describe("S PIN (署名用パスワード)", () => {
  it("is 6–16 digits or upper-case letters", () => {
    for (const good of ["123456", "ABCDEF", "A1B2C3", "1234567890ABCDEF"]) expect(isValidPin("signing", good)).toBe(true);
    for (const bad of ["12345", "1234567890ABCDEFG", "abcdef", "ABC-12", "ＡＢＣ１２３", "ABC 123"]) expect(isValidPin("signing", bad)).toBe(false);
  });

  it("has 5 tries", () => {
    expect(PIN_RULES.signing.maxTries).toBe(5);
  });

  it("names lower case as the reason", () => {
    expect(pinChecks("signing", "abc123")[1]).toMatchObject({ ok: false, en: "lower-case letters are not allowed (use A–Z)" });
    expect(pinChecks("signing", "ABC123")[0]?.en).toBe("6–16 characters (now 6)");
  });
});

describe("newPinState", () => {
  it("needs the rule and a matching confirmation", () => {
    expect(newPinState("userAuth", "1234", "1234")).toMatchObject({ valid: true, confirmed: true, mismatch: false, ok: true });
    expect(newPinState("userAuth", "1234", "")).toMatchObject({ valid: true, confirmed: false, mismatch: false, ok: false });
    expect(newPinState("userAuth", "1234", "1235")).toMatchObject({ confirmed: false, mismatch: true, ok: false });
    expect(newPinState("signing", "abc123", "abc123")).toMatchObject({ valid: false, confirmed: true, ok: false });
    expect(newPinState("signing", "ABC123", "ABC123").checks.map((c) => c.id)).toEqual(["length", "charset", "match"]);
  });
});

describe("the card's rule", () => {
  it("is the one the UI checks, with the card's tries", () => {
    expect(PIN_RULES.userAuth.maxTries).toBe(CARD_PIN_RULES.userAuth.maxTries);
    expect(PIN_RULES.signing.maxTries).toBe(CARD_PIN_RULES.signing.maxTries);
    expect(PIN_RULES.signing.hint.en).toContain(`after ${CARD_PIN_RULES.signing.maxTries} wrong tries`);
  });

  it("agrees with the check list shown under the field", () => {
    const samples = ["", "1", "123", "1234", "12345", "123456", "12a4", "１２３４", "ABCD", "ABCDEF", "abcdef", "A1B2C3", "ABC 123",
      "1234567890ABCDEF", "1234567890ABCDEFG", "ABC-12", "ＡＢＣ１２３"];
    for (const kind of ["userAuth", "signing"] as const) {
      for (const pin of samples) expect([kind, pin, pinChecks(kind, pin).every((c) => c.ok)]).toEqual([kind, pin, isValidPin(kind, pin)]);
    }
  });
});

it("writes tries left of max", () => {
  expect(triesText(2, 3)).toBe("残り 2 / 3 回 / 2 of 3 tries left");
});
