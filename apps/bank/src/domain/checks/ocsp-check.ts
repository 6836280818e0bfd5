/**
 * Steps ⑤⑥ / ⑤'⑥': ask J-LIS's OCSP responder (RFC 6960) about one certificate and decide whether to
 * believe and accept the answer.
 *
 * ⑤ The request carries a fresh 32-byte nonce (RFC 8954). `tryLater` (and `internalError`) answers are
 *   retried — the documented policy: `retries` more attempts (default 2), `retryDelayMs` apart (default 500 ms,
 *   doubling) — and then the bank fails closed with OCSP_TRY_LATER. A responder that cannot be reached is
 *   OCSP_UNAVAILABLE, also fail closed: the bank never accepts a certificate whose status it could not confirm.
 * ⑥ The response must be signed by the CA or its delegated responder (id-kp-OCSPSigning, issued by the CA),
 *   echo the nonce, be about this certificate and be current at sandbox time (jpki-core verifyOcspResponse);
 *   any failure is OCSP_RESPONSE_INVALID. Then: good → accepted; revoked → CERTIFICATE_REVOKED with the
 *   reason; unknown → OCSP_UNKNOWN.
 */
import {
  buildOcspRequest,
  isJpkiError,
  normaliseSerialNumber,
  parseOcspResponse,
  verifyOcspResponse,
  type Bytes,
  type OcspSingleResponse,
  type x509,
} from "@jpki-sandbox/jpki-core";
import { BankError, isBankError } from "../errors.js";
import type { CertificateKind, JlisServices } from "../ports.js";

export interface OcspPolicy {
  retries: number;
  retryDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface OcspExchange {
  request: Bytes;
  nonce: Bytes;
  response: Bytes;
  /** How many requests were sent (1 + retries used). */
  attempts: number;
  /** The responseStatus of each attempt, in order. */
  statuses: string[];
}

const RETRIED = new Set(["tryLater", "internalError"]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** ⑤: builds the request and sends it, retrying tryLater/internalError by the policy. */
export async function exchangeOcsp(options: {
  jlis: JlisServices;
  kind: CertificateKind;
  certificate: x509.X509Certificate;
  issuer: x509.X509Certificate;
  policy: OcspPolicy;
}): Promise<OcspExchange> {
  const { jlis, kind, policy } = options;
  const built = await buildOcspRequest({ issuer: options.issuer, serialNumbers: [normaliseSerialNumber(options.certificate.serialNumber)], nonce: true });
  const statuses: string[] = [];
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let response: Bytes;
    try {
      response = await jlis.ocsp(kind, built.der);
    } catch (error) {
      if (isBankError(error, "JLIS_UNAVAILABLE")) throw new BankError("OCSP_UNAVAILABLE", error.message, { cause: error });
      throw error;
    }
    let status: string;
    try {
      status = parseOcspResponse(response).responseStatus;
    } catch (error) {
      throw new BankError("OCSP_RESPONSE_INVALID", `the OCSP response is not DER of an OCSPResponse: ${(error as Error).message}`, { cause: error });
    }
    statuses.push(status);
    if (!RETRIED.has(status)) return { request: built.der, nonce: built.nonce!, response, attempts: attempt + 1, statuses };
    if (attempt >= policy.retries) {
      throw new BankError("OCSP_TRY_LATER", `J-LIS answered ${status} ${attempt + 1} times (retried ${policy.retries}×, waiting ${policy.retryDelayMs} ms and doubling)`);
    }
    await sleep(policy.retryDelayMs * 2 ** attempt);
  }
}

export interface OcspVerdict {
  single: OcspSingleResponse;
  signedBy: "issuer" | "delegated";
  responderSubject: string | undefined;
}

/** ⑥, first half: believes the response (signed by the CA or its responder, nonce, CertID, currency). */
export async function believeOcspResponse(exchange: OcspExchange, options: { issuer: x509.X509Certificate; certificate: x509.X509Certificate; at: Date }): Promise<OcspVerdict> {
  let verified;
  try {
    verified = await verifyOcspResponse(exchange.response, {
      issuer: options.issuer,
      at: options.at,
      nonce: exchange.nonce,
      serialNumber: normaliseSerialNumber(options.certificate.serialNumber),
    });
  } catch (error) {
    if (isJpkiError(error)) throw new BankError("OCSP_RESPONSE_INVALID", `${error.code}: ${error.message}`, { cause: error });
    throw error;
  }
  return { single: verified.single!, signedBy: verified.signedBy, responderSubject: verified.responderCertificate?.subject };
}

/** ⑥, second half: accepts only "good" (revoked → CERTIFICATE_REVOKED with the reason; unknown → OCSP_UNKNOWN). */
export function acceptGoodStatus(single: OcspSingleResponse): void {
  if (single.status === "revoked") {
    const reason = single.reason ?? (single.reasonCode === undefined ? "unspecified" : `reasonCode ${single.reasonCode}`);
    throw new BankError("CERTIFICATE_REVOKED", `J-LIS says the certificate was revoked at ${single.revokedAt?.toISOString() ?? "?"} (${reason})`, {
      details: { revocationReason: reason },
    });
  }
  if (single.status === "unknown") throw new BankError("OCSP_UNKNOWN", "J-LIS answered unknown for this certificate");
}

/** ⑥: believes the response and accepts only "good". */
export async function judgeOcspResponse(exchange: OcspExchange, options: { issuer: x509.X509Certificate; certificate: x509.X509Certificate; at: Date }): Promise<OcspVerdict> {
  const verdict = await believeOcspResponse(exchange, options);
  acceptGoodStatus(verdict.single);
  return verdict;
}
