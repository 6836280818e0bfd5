/**
 * @jpki-sandbox/virtual-card — the JPKI applet of a My Number Card emulated at APDU level, its issuer side
 * (the municipal counter) and a host-side reader. TEST ONLY: a sandbox card, never a real one.
 */
export { CARD_ERROR_CODES, CardError, isCardError, type CardErrorCode, type CardErrorOptions } from "./errors.js";
export { VirtualCard, type ManufactureOptions, type RestoreOptions } from "./card/virtual-card.js";
export { CardIssuer, type CardStatus, type SlotCertificates, type SlotStatus } from "./card/issuer.js";
export { JpkiCardReader, type ApduTransport, type JpkiCardReaderOptions } from "./reader/reader.js";
export {
  JPKI_AP_AID,
  JPKI_ATR,
  JPKI_TOKEN_INFO,
  SLOT_FILES,
  SLOTS,
  isSlot,
  type Slot,
} from "./applet/files.js";
export { PIN_RULES, assertPinFormat, isValidPin, type PinRule } from "./applet/pin-rules.js";
export { MAX_DIGEST_INFO_LENGTH, SIGNATURE_LENGTH } from "./applet/keys.js";
export { SW, describeStatus } from "./apdu/status.js";
export { DEFAULT_TRACE_LIMIT, type TraceEntry } from "./applet/trace.js";
export { CARD_STATE_FORMAT, cardStateSchema, type CardState } from "./state/schema.js";
export { KEK_LENGTH } from "./state/protection.js";
export { formatHex, parseHex, type Bytes } from "./bytes.js";
