/**
 * What the bridge puts in the virtual reader: anything that has an ATR, can be powered and reset, and answers
 * C-APDUs. A local VirtualCard (packages/virtual-card) or a card held by the portal (PortalApduCard).
 */
import type { VirtualCard } from "@jpki-sandbox/virtual-card";

export interface BridgedCard {
  /** A short name for logs: the card id. */
  readonly label: string;
  /** The answer to reset, sent when vpcd asks (control 0x04). */
  readonly atr: Uint8Array;
  /** Contacts powered (control 0x01): a fresh session, nothing selected or verified. */
  powerOn(): Promise<void>;
  /** Power removed (control 0x00): the card's transient state is gone. */
  powerOff(): Promise<void>;
  /** Warm reset (control 0x02): as power off and on. */
  reset(): Promise<void>;
  /** One C-APDU, resolving with data || SW1 SW2. Rejects only when the card cannot answer at all. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** The bridge stops: let go of what the card holds (a portal session). */
  close?(): Promise<void>;
}

/** A VirtualCard in this process as a bridged card: power cycles are its reset(). */
export function localCard(card: VirtualCard): BridgedCard {
  return {
    label: card.cardId,
    atr: card.atr,
    async powerOn() {
      card.reset();
    },
    async powerOff() {
      card.reset();
    },
    async reset() {
      card.reset();
    },
    transmit: (apdu) => card.transmit(apdu),
  };
}
