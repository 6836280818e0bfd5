/**
 * Chaos knobs for the OCSP responder, set by the operator (admin API) so relying parties can rehearse a
 * misbehaving status service. Chaos answers are built live and never cached, so turning chaos off restores
 * normal answers at once.
 */

export type OcspChaosMode =
  /** normal service */
  | "off"
  /** every request answered with OCSPResponseStatus tryLater (RFC 6960 §2.3): the responder is "down" */
  | "tryLater"
  /** every certificate reported "unknown" (RFC 6960 §2.2), correctly signed */
  | "unknown"
  /** real statuses, but thisUpdate/nextUpdate already in the past: a client must reject it (RFC 6960 §3.2 (5)) */
  | "stale";

export interface OcspChaos {
  mode: OcspChaosMode;
  /** Wait this long (real milliseconds) before answering, in every mode. */
  delayMs: number;
}

export const OCSP_CHAOS_OFF: OcspChaos = Object.freeze({ mode: "off", delayMs: 0 });

export const OCSP_CHAOS_MODES = ["off", "tryLater", "unknown", "stale"] as const satisfies readonly OcspChaosMode[];

/**
 * The validity window a stale answer claims: it was produced two validity periods ago and stopped being
 * current one period ago, as a responder that stopped re-signing would serve it.
 */
export function staleWindow(now: Date, validityMs: number): { producedAt: Date; thisUpdate: Date; nextUpdate: Date } {
  const thisUpdate = new Date(now.getTime() - 2 * validityMs);
  return { producedAt: thisUpdate, thisUpdate, nextUpdate: new Date(now.getTime() - validityMs) };
}
