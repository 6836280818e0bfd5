import { JpkiError } from "@jpki-sandbox/jpki-core";
import { CardError } from "@jpki-sandbox/virtual-card";
import { describe, expect, it } from "vitest";
import { PortalError } from "../errors.js";
import { fromCardError } from "./card-errors.js";

describe("fromCardError", () => {
  it("turns a wrong PIN into PIN_INCORRECT with the tries left, also when jpki-core wrapped it", () => {
    const wrong = new CardError("PIN_INCORRECT", "wrong PIN", { sw: 0x63c2, triesLeft: 2 });
    for (const thrown of [wrong, new JpkiError("SIGNER_FAILED", "the signer failed", { cause: wrong })]) {
      const mapped = fromCardError(thrown) as PortalError;
      expect(mapped).toBeInstanceOf(PortalError);
      expect(mapped.code).toBe("PIN_INCORRECT");
      expect(mapped.details).toEqual({ triesLeft: 2 });
    }
  });

  it("maps a blocked PIN and a PIN format error, and leaves other errors alone", () => {
    expect((fromCardError(new CardError("PIN_BLOCKED", "blocked", { sw: 0x6983 })) as PortalError).code).toBe("PIN_BLOCKED");
    expect((fromCardError(new CardError("PIN_FORMAT", "4 digits")) as PortalError).code).toBe("PIN_FORMAT");
    const other = new Error("x");
    expect(fromCardError(other)).toBe(other);
  });
});
