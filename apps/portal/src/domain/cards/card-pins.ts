/** PIN rules and retry counters as the card knows them (JPKI.md: R 4 digits/3 tries, S 6–16/5 tries). */
import { assertPinFormat, CardIssuer, type Slot, type VirtualCard } from "@jpki-sandbox/virtual-card";
import type { PinState } from "../../shared/api-types.js";
import { fromCardError } from "./card-errors.js";

export function pinStateOf(card: VirtualCard, slot: Slot): PinState {
  // Read from the card's memory, not by an empty VERIFY: looking at the wallet must not fill the APDU log.
  const status = new CardIssuer(card).status()[slot];
  const triesLeft = status.pinTriesLeft ?? 0;
  return { triesLeft, maxTries: status.pinMaxTries, blocked: status.pinSet && triesLeft === 0 };
}

/** Refuses a PIN that breaks the slot's rule before anything is sent anywhere (PIN_FORMAT). */
export function checkPinFormat(slot: Slot, pin: string): void {
  try {
    assertPinFormat(slot, pin);
  } catch (error) {
    throw fromCardError(error);
  }
}
