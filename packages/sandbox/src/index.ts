/**
 * @jpki-sandbox/sandbox — a typed client and test helpers for teams testing their own relying party against
 * the JPKI Sandbox: citizens with virtual My Number Cards, signing and authenticating with the card itself,
 * approving signing requests, life events, revocation, OCSP, the sandbox clock and chaos. Playwright fixtures
 * are at `@jpki-sandbox/sandbox/playwright`. TEST ONLY: synthetic people, sandbox roots.
 */
export { connectSandbox, Sandbox, type AttributeChange, type CardRef, type Citizen, type CreateCitizenOptions, type LossReport, type Renewal } from "./sandbox.js";
export { Card, type AuthenticateResult, type CardPins, type CardStatus, type PinState, type SignResult } from "./card/card.js";
export {
  ADMIN_USERNAME,
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_BANK_URL,
  DEFAULT_JLIS_URL,
  DEFAULT_PORTAL_URL,
  resolveSandboxConfig,
  type OperatorCredential,
  type SandboxConfig,
  type SandboxOptions,
} from "./config.js";
export { isSandboxError, SANDBOX_ERROR_CODES, SandboxError, type SandboxErrorCode, type SandboxProblem, type SandboxService } from "./errors.js";
export { DEFAULT_SIGNING_PIN, DEFAULT_USER_AUTH_PIN, defaultPins, HANAKO, HANAKO_PINS, HANAKO_SIGNING_PIN, type PersonaChoice } from "./personas.js";
export { CHAOS_OFF, type ChaosSettings, type JlisChaos, type LinkageChaos, type OcspChaos, type PortalChaos, type SigningResultChaos } from "./chaos.js";
export type { CertificateKind, CertificateQuery, CertificateRecord, RevocationReason } from "./jlis/admin.js";
export type { CertificateStatus, OcspAnswer } from "./jlis/ocsp.js";
export type { ClockAdvance, SandboxTime } from "./jlis/clock.js";
export type { ResidentAddress } from "./portal/counter.js";
export { approvalIdOf } from "./portal/approvals.js";
export type { ApprovalView } from "./schemas.js";
export type { Persona } from "@jpki-sandbox/jpki-core";
