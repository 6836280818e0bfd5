/**
 * What the card remembers across power cycles (its EEPROM): per slot the key, the two certificates and the
 * PIN. The volatile part (selection and security status) lives in the applet's session, never here.
 */
import type { Bytes } from "../bytes.js";
import type { Slot } from "./files.js";
import type { CardKey } from "./keys.js";
import type { PinRecord } from "./pin.js";
import { TraceLog } from "./trace.js";

export interface SlotMemory {
  key?: CardKey;
  /** DER of the holder's certificate (EF 000A / 0001). */
  certificate?: Bytes;
  /** DER of the issuing CA's certificate (EF 000B / 0002). */
  caCertificate?: Bytes;
  pin?: PinRecord;
}

export interface CardMemory {
  cardId: string;
  slots: Record<Slot, SlotMemory>;
  trace: TraceLog;
}

export function blankMemory(cardId: string, trace = new TraceLog()): CardMemory {
  return { cardId, slots: { userAuth: {}, signing: {} }, trace };
}
