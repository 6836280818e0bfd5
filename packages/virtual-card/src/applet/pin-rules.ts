/**
 * PIN rules of the two slots (JPKI.md "The two certificates", PIN row): R is exactly 4 digits with 3 tries;
 * S is 6–16 characters of digits and upper-case letters with 5 tries. The issuer enforces them when setting a
 * PIN, the reader before sending one (so a typo costs no try); the card itself only compares.
 */
import type { Bytes } from "../bytes.js";
import { CardError } from "../errors.js";
import type { Slot } from "./files.js";

export interface PinRule {
  pattern: RegExp;
  maxTries: number;
  description: string;
}

export const PIN_RULES: Readonly<Record<Slot, PinRule>> = {
  userAuth: { pattern: /^[0-9]{4}$/, maxTries: 3, description: "the R PIN is exactly 4 digits" },
  signing: {
    pattern: /^[0-9A-Z]{6,16}$/,
    maxTries: 5,
    description: "the S PIN is 6–16 characters, digits and upper-case letters A–Z",
  },
};

export function isValidPin(slot: Slot, pin: unknown): pin is string {
  return typeof pin === "string" && PIN_RULES[slot].pattern.test(pin);
}

/** Throws CardError PIN_FORMAT (the message says the rule, never the PIN). */
export function assertPinFormat(slot: Slot, pin: unknown): asserts pin is string {
  if (!isValidPin(slot, pin)) throw new CardError("PIN_FORMAT", `PIN format: ${PIN_RULES[slot].description}`);
}

/** The bytes VERIFY carries: the PIN in ASCII, no padding. */
export function pinBytes(pin: string): Bytes {
  return new TextEncoder().encode(pin);
}
