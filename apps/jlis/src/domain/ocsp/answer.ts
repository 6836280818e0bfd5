/**
 * What the OCSP service hands the HTTP edge: the DER to send and the facts the edge needs for its headers.
 * Kept free of HTTP: how an answer may be cached is said in OCSP terms (validity), and the edge maps it to
 * Cache-Control (RFC 5019 §6.2).
 */
import { buildOcspErrorResponse, type Bytes, type OcspErrorStatus, type OcspResponseStatus } from "@jpki-sandbox/jpki-core";

export interface OcspAnswer {
  /** The DER OCSPResponse. Shared between callers (the pre-signed cache): never mutate it. */
  der: Bytes;
  /** The OCSPResponseStatus inside `der` (RFC 6960 §4.2.1): "successful" or the error sent. */
  responseStatus: OcspResponseStatus;
  /**
   * Set when anybody sending the same request may be given this very answer until nextUpdate (no nonce, no
   * chaos): whole seconds from now until nextUpdate, never negative. The edge turns it into
   * `Cache-Control: max-age` (RFC 5019 §6.2); absent on nonce, chaos and error answers.
   */
  cacheMaxAgeSeconds?: number;
  /** Of a successful answer (producedAt = thisUpdate in jlis). */
  producedAt?: Date;
  thisUpdate?: Date;
  nextUpdate?: Date;
  /** Served from the pre-signed cache without looking anything up or signing. */
  fromCache: boolean;
  /** Why an internalError answer was given, for the edge's log (never sent to the client). */
  cause?: unknown;
}

const ERROR_ANSWERS = new Map<OcspErrorStatus, OcspAnswer>();

/** An unsigned error answer (RFC 6960 §2.3); the DER is built once per status and shared. */
export function errorAnswer(status: OcspErrorStatus, cause?: unknown): OcspAnswer {
  let answer = ERROR_ANSWERS.get(status);
  if (!answer) {
    answer = Object.freeze({ der: buildOcspErrorResponse(status), responseStatus: status, fromCache: false });
    ERROR_ANSWERS.set(status, answer);
  }
  return cause === undefined ? answer : { ...answer, cause };
}
