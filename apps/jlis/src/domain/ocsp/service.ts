/**
 * The jlis OCSP responder (RFC 6960) for the S and R CAs (JPKI.md "Revocation and status"), without HTTP.
 *
 * Speed comes from pre-signed responses (NOTES.md: a responder that signs per request cannot pass the RSA
 * sign rate, ~3,000/s; serving stored bytes can reach the HTTP ceiling). A request without a nonce (the
 * RFC 5019 profile) is answered from a cache keyed by its exact DER; a miss parses, looks the statuses up,
 * signs once — concurrent identical misses share that one build — and stores the response until half its
 * validity has passed. Nonce requests and chaos answers are always built live and never stored.
 * `invalidate` drops every stored answer naming a certificate, so a revocation shows in the next response.
 */
import {
  normaliseSerialNumber,
  parseOcspRequest,
  wholeSeconds,
  type CertificateKind,
  type ParsedOcspRequest,
} from "@jpki-sandbox/jpki-core";
import type { Clock } from "../clock.js";
import { errorAnswer, type OcspAnswer } from "./answer.js";
import { OCSP_CHAOS_OFF, staleWindow, type OcspChaos } from "./chaos.js";
import { certificateKey, PresignedResponseCache, requestKey, type PresignedResponse } from "./presigned-cache.js";
import { rejectionOf } from "./request-policy.js";
import { signStatusResponse, type OcspAuthority, type ResponseWindow } from "./sign-response.js";
import type { CertificateStatusSource } from "./status-source.js";

export const DEFAULT_OCSP_VALIDITY_SECONDS = 3600;
export const DEFAULT_OCSP_CACHE_SIZE = 50_000;

export interface OcspServiceOptions {
  authorities: Readonly<Record<CertificateKind, OcspAuthority>>;
  statuses: CertificateStatusSource;
  /** The sandbox clock: producedAt, thisUpdate and nextUpdate follow it. */
  clock: Clock;
  /** Read on every request, so the operator's changes apply at once. Default: always off. */
  chaos?: () => OcspChaos;
  /** nextUpdate − thisUpdate, whole seconds (default 3600). */
  validitySeconds?: number;
  /** Most pre-signed responses kept (default 50,000, ~1.6 KB each). */
  cacheSize?: number;
}

export interface OcspServiceStats {
  requests: number;
  /** Answered from a pre-signed response. */
  cacheHits: number;
  /** Responses signed (cache fills, nonce and chaos answers). */
  signed: number;
  /** Requests that waited for an identical build already in flight instead of signing again. */
  sharedBuilds: number;
  malformed: number;
  internalErrors: number;
  /** Requests answered while chaos was on. */
  chaotic: number;
  cachedResponses: number;
  evictions: number;
  invalidations: number;
}

export interface OcspService {
  /** The answer to a DER OCSPRequest that came in on the `kind` CA's path. Never rejects. */
  respond(kind: CertificateKind, requestDer: Uint8Array): Promise<OcspAnswer>;
  /**
   * The answer `respond` would give, synchronously, when it is a stored pre-signed one and chaos is off; else
   * undefined and the caller goes on to `respond`. Lets the HTTP edge skip a promise on the hot path.
   */
  presignedAnswer(kind: CertificateKind, requestDer: Uint8Array): OcspAnswer | undefined;
  /** Call after a certificate's status changed (revocation): drops every stored answer naming it. */
  invalidate(kind: CertificateKind, serialNumber: string): void;
  /** Call after the sandbox clock jumped or a CA or responder key changed. */
  invalidateAll(): void;
  stats(): OcspServiceStats;
}

interface Build {
  /** The invalidation generation the build started in; a build from an older one is neither joined nor kept. */
  generation: number;
  answer: Promise<OcspAnswer>;
}

export function createOcspService(options: OcspServiceOptions): OcspService {
  const validityMs = positiveInteger(options.validitySeconds ?? DEFAULT_OCSP_VALIDITY_SECONDS, "validitySeconds") * 1000;
  const cache = new PresignedResponseCache(positiveInteger(options.cacheSize ?? DEFAULT_OCSP_CACHE_SIZE, "cacheSize"));
  const chaosOf = options.chaos ?? (() => OCSP_CHAOS_OFF);
  const { clock, statuses, authorities } = options;
  const inFlight: Record<CertificateKind, Map<string, Build>> = { S: new Map(), R: new Map() };
  // Bumped by every invalidation: a build that read a status before the change must not be stored after it.
  let generation = 0;
  const counts = { requests: 0, cacheHits: 0, signed: 0, sharedBuilds: 0, malformed: 0, internalErrors: 0, chaotic: 0, invalidations: 0 };

  function servedFromCache(response: PresignedResponse, nowMs: number, fromCache: boolean): OcspAnswer {
    return {
      der: response.der,
      responseStatus: "successful",
      cacheMaxAgeSeconds: Math.max(0, Math.floor((response.nextUpdate.getTime() - nowMs) / 1000)),
      producedAt: response.producedAt,
      thisUpdate: response.thisUpdate,
      nextUpdate: response.nextUpdate,
      fromCache,
    };
  }

  function currentWindow(): ResponseWindow {
    const thisUpdate = wholeSeconds(clock.now());
    return { producedAt: thisUpdate, thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + validityMs) };
  }

  function parse(requestDer: Uint8Array): ParsedOcspRequest | undefined {
    try {
      const request = parseOcspRequest(requestDer as Uint8Array<ArrayBuffer>); // a Buffer from node:http
      return rejectionOf(request) === undefined ? request : undefined;
    } catch {
      return undefined; // untrusted bytes: anything unparsable is malformedRequest, never a throw
    }
  }

  async function signLive(kind: CertificateKind, request: ParsedOcspRequest, chaos: OcspChaos): Promise<OcspAnswer> {
    const window = chaos.mode === "stale" ? staleWindow(wholeSeconds(clock.now()), validityMs) : currentWindow();
    const der = await signStatusResponse({
      kind,
      authority: authorities[kind],
      statuses,
      request,
      window,
      everyCertificateUnknown: chaos.mode === "unknown",
    });
    counts.signed++;
    return { der, responseStatus: "successful", ...window, fromCache: false };
  }

  async function buildAndStore(kind: CertificateKind, key: string, request: ParsedOcspRequest, startedIn: number): Promise<OcspAnswer> {
    const window = currentWindow();
    const der = await signStatusResponse({ kind, authority: authorities[kind], statuses, request, window });
    counts.signed++;
    const response: PresignedResponse = {
      kind,
      der,
      ...window,
      refreshAtMs: window.thisUpdate.getTime() + validityMs / 2,
      certificates: request.certIds.map((certId) => certificateKey(kind, certId.serialNumber)),
    };
    if (startedIn === generation) cache.store(key, response);
    return servedFromCache(response, clock.now().getTime(), false);
  }

  function storedAnswer(kind: CertificateKind, key: string): OcspAnswer | undefined {
    const nowMs = clock.now().getTime();
    const cached = cache.fresh(kind, key, nowMs);
    if (!cached) return undefined;
    counts.cacheHits++;
    return servedFromCache(cached, nowMs, true);
  }

  /** Normal service: the pre-signed response when there is one (no promise chain on a hit), else a build. */
  function answerFromCacheOrBuild(kind: CertificateKind, requestDer: Uint8Array): OcspAnswer | Promise<OcspAnswer> {
    const key = requestKey(requestDer);
    const stored = storedAnswer(kind, key);
    if (stored) return stored;
    const building = inFlight[kind];
    const pending = building.get(key);
    if (pending && pending.generation === generation) {
      counts.sharedBuilds++;
      return pending.answer;
    }
    const request = parse(requestDer);
    if (!request) return malformed();
    // A nonce binds the answer to this one request (RFC 9654 §2.1): never stored, never shared.
    if (request.nonce) return signLive(kind, request, OCSP_CHAOS_OFF);

    const build: Build = { generation, answer: buildAndStore(kind, key, request, generation) };
    building.set(key, build);
    const settled = () => {
      if (building.get(key) === build) building.delete(key);
    };
    build.answer.then(settled, settled);
    return build.answer;
  }

  async function answerWithChaos(kind: CertificateKind, requestDer: Uint8Array, chaos: OcspChaos): Promise<OcspAnswer> {
    counts.chaotic++;
    if (chaos.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, chaos.delayMs));
    if (chaos.mode === "off") return answerFromCacheOrBuild(kind, requestDer); // delay only
    if (chaos.mode === "tryLater") return errorAnswer("tryLater");
    const request = parse(requestDer);
    return request ? signLive(kind, request, chaos) : malformed();
  }

  function malformed(): OcspAnswer {
    counts.malformed++;
    return errorAnswer("malformedRequest");
  }

  function internalError(cause: unknown): OcspAnswer {
    // The status source or the signer failed: our fault, not the client's (RFC 6960 §2.3).
    counts.internalErrors++;
    return errorAnswer("internalError", cause);
  }

  return {
    respond(kind, requestDer) {
      counts.requests++;
      try {
        const chaos = chaosOf();
        const answer =
          chaos.mode === "off" && chaos.delayMs <= 0 ? answerFromCacheOrBuild(kind, requestDer) : answerWithChaos(kind, requestDer, chaos);
        return answer instanceof Promise ? answer.catch(internalError) : Promise.resolve(answer);
      } catch (cause) {
        return Promise.resolve(internalError(cause));
      }
    },
    presignedAnswer(kind, requestDer) {
      const chaos = chaosOf();
      if (chaos.mode !== "off" || chaos.delayMs > 0) return undefined;
      const answer = storedAnswer(kind, requestKey(requestDer));
      if (answer) counts.requests++;
      return answer;
    },
    invalidate(kind, serialNumber) {
      generation++;
      counts.invalidations++;
      cache.invalidateCertificate(certificateKey(kind, normaliseSerialNumber(serialNumber)));
    },
    invalidateAll() {
      generation++;
      counts.invalidations++;
      cache.clear();
    },
    stats: () => ({ ...counts, cachedResponses: cache.size, evictions: cache.evictions }),
  };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
