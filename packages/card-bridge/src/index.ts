/**
 * @jpki-sandbox/card-bridge — a sandbox virtual My Number Card in a PC/SC reader: a client of vsmartcard's
 * vpcd (inside pcscd), so OpenSC, its PKCS#11 module and any JPKI middleware use the card as a real one.
 * The card is a local VirtualCard or one held by the citizen portal (APDU sessions). TEST ONLY.
 */
export { BRIDGE_ERROR_CODES, BridgeError, isBridgeError, type BridgeErrorCode } from "./errors.js";
export { VpcdBridge, type VpcdBridgeOptions, type VpcdBridgeState, type VpcdBridgeStats } from "./vpcd/bridge.js";
export { classifyFrame, encodeFrame, FrameDecoder, VPCD_CONTROL, VPCD_DEFAULT_PORT, type VpcdMessage } from "./vpcd/frames.js";
export { quickAck, type QuickAck } from "./vpcd/tcp-quickack.js";
export { localCard, type BridgedCard } from "./cards/bridged-card.js";
export { PORTAL_APDU_PATHS, PortalApduCard, type PortalCardOptions } from "./cards/portal-card.js";
export { createEphemeralCard, type EphemeralCard, type EphemeralCardOptions } from "./cards/ephemeral-card.js";
export { describeCommand, describeResponse } from "./apdu-log.js";
