/**
 * The sandbox client's typed errors: one class, a closed list of stable codes, a cause, and — when a sandbox
 * app refused — the RFC 9457 problem document it answered. Tests assert `code` (and `problem.code` for the
 * app's own reason), never the message.
 */

export const SANDBOX_ERROR_CODES = [
  /** The caller passed something unusable (a PIN that breaks the rule, a URL that is no approval URL…), or the app refused the body (VALIDATION_FAILED). */
  "INVALID_ARGUMENT",
  /** A PIN breaks the slot's rule (R: 4 digits; S: 6–16 of 0-9 A-Z); refused before any try is spent. */
  "PIN_FORMAT",
  /** The card refused the PIN; `triesLeft` says how many tries remain (the portal's wallet shows the same). */
  "PIN_INCORRECT",
  /** The PIN is locked; only the municipal counter resets it (`resetPin`). */
  "PIN_BLOCKED",
  /** No such card at the portal. */
  "CARD_NOT_FOUND",
  /** The card is lost, renewed, expired or its holder deceased: the counter will not change it. */
  "CARD_NOT_USABLE",
  /** The card has no certificate of the kind asked for (an under-15 card without S). */
  "CARD_LACKS_CERTIFICATE",
  /** The card was used elsewhere while this call held it (the counter, an approval, another reader). */
  "CARD_BUSY",
  /** No such signing request at the portal. */
  "APPROVAL_NOT_FOUND",
  /** The signing request was already approved, cancelled or redeemed. */
  "APPROVAL_NOT_PENDING",
  /** The signing request waited too long for the citizen. */
  "APPROVAL_EXPIRED",
  /** jlis knows no certificate with this serial. */
  "CERTIFICATE_NOT_FOUND",
  /** The certificate is revoked already (every JPKI revocation is final). */
  "CERTIFICATE_ALREADY_REVOKED",
  /** The OCSP answer was not `successful`, or it does not verify (signature, nonce, currency). */
  "OCSP_FAILED",
  /** The operator credential (HTTP Basic admin) was refused: check the admin passwords. */
  "UNAUTHORIZED",
  /** The app does not have this endpoint (an older build, say). */
  "NOT_SUPPORTED",
  /** Any other refusal by an app; `problem.code` says which. */
  "REFUSED",
  /** The app could not be reached, or did not answer in time. */
  "UNREACHABLE",
  /** The app answered something that is not what its API promises (checked with zod at the boundary). */
  "BAD_RESPONSE",
] as const;

export type SandboxErrorCode = (typeof SANDBOX_ERROR_CODES)[number];

/** The sandbox apps the client talks to. */
export type SandboxService = "jlis" | "portal" | "card";

/** An RFC 9457 problem as the sandbox apps write it: `code` is theirs; extensions (`triesLeft`…) kept. */
export interface SandboxProblem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  [extension: string]: unknown;
}

export interface SandboxErrorOptions {
  cause?: unknown;
  service?: SandboxService;
  /** The HTTP status the app answered. */
  status?: number;
  problem?: SandboxProblem;
  /** PIN_INCORRECT: tries left after this one. */
  triesLeft?: number;
}

export class SandboxError extends Error {
  override readonly name = "SandboxError";
  readonly code: SandboxErrorCode;
  readonly service: SandboxService | undefined;
  readonly status: number | undefined;
  readonly problem: SandboxProblem | undefined;
  readonly triesLeft: number | undefined;

  constructor(code: SandboxErrorCode, message: string, options: SandboxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.service = options.service;
    this.status = options.status;
    this.problem = options.problem;
    this.triesLeft = options.triesLeft;
  }
}

export function isSandboxError(value: unknown, code?: SandboxErrorCode): value is SandboxError {
  return value instanceof SandboxError && (code === undefined || value.code === code);
}

/** The codes this client gives of its own; every other code above is an app's, kept by its name. */
const CLIENT_CODES = new Set<SandboxErrorCode>(["INVALID_ARGUMENT", "CARD_BUSY", "OCSP_FAILED", "UNAUTHORIZED", "NOT_SUPPORTED", "REFUSED", "UNREACHABLE", "BAD_RESPONSE"]);
const SAME_NAME = new Set<string>(SANDBOX_ERROR_CODES.filter((code) => !CLIENT_CODES.has(code)));

/** A SandboxError for an app's refusal (a non-2xx answer with or without a problem document). */
export function errorFromProblem(service: SandboxService, status: number, problem: SandboxProblem | undefined, what: string): SandboxError {
  const appCode = problem?.code;
  const code: SandboxErrorCode =
    appCode !== undefined && SAME_NAME.has(appCode)
      ? (appCode as SandboxErrorCode)
      : appCode === "VALIDATION_FAILED" || appCode === "BAD_REQUEST"
        ? "INVALID_ARGUMENT"
        : appCode === "APDU_SESSION_ENDED"
          ? "CARD_BUSY"
          : status === 401 || appCode === "UNAUTHENTICATED"
            ? "UNAUTHORIZED"
            : status === 404 && (appCode === undefined || appCode === "NOT_FOUND")
              ? "NOT_SUPPORTED"
              : "REFUSED";
  const reason = problem?.detail ?? problem?.title;
  const triesLeft = typeof problem?.triesLeft === "number" ? problem.triesLeft : undefined;
  return new SandboxError(code, `${service} refused ${what}: HTTP ${status}${appCode ? ` ${appCode}` : ""}${reason ? ` — ${reason}` : ""}`, {
    service,
    status,
    ...(problem ? { problem } : {}),
    ...(triesLeft === undefined ? {} : { triesLeft }),
  });
}
