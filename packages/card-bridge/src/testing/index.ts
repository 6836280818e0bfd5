/** @jpki-sandbox/card-bridge/testing: real PC/SC middleware (pcscd + vpcd + OpenSC) for tests. TEST ONLY. */
export { PCSC_INSTALL_HINT, pcscAvailability, runTool, startPcscd, waitForCard, waitForNoCard, type PcscAvailability, type PcscTools, type RunningPcscd, type ToolResult } from "./pcsc.js";
export { JPKI_TOKENS, openSslVerify, pkcs11, type Pkcs11Session } from "./opensc.js";
