/**
 * OCSP over HTTP (RFC 6960 Appendix A, RFC 5019 §5–6) on a bare node:http server placed in front of Express:
 * the OCSP fast path pays for no middleware, no router and no JSON.
 *
 *   POST /ocsp/{s,r}            body: DER OCSPRequest, Content-Type application/ocsp-request
 *   GET  /ocsp/{s,r}/{request}  request: URL-encoded base64 of the DER (RFC 6960 §A.1), cacheable
 *
 * Every OCSP answer, errors included, goes out as HTTP 200 with an OCSPResponse body, as OpenSSL's responder
 * does: OCSP clients read the OCSPResponseStatus, not the HTTP status. Bad input is never an HTTP 500.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Bytes, CertificateKind } from "@jpki-sandbox/jpki-core";
import { errorAnswer, type OcspAnswer } from "../domain/ocsp/answer.js";
import type { OcspService } from "../domain/ocsp/service.js";
import { sendProblem } from "@jpki-sandbox/service-kit";
import { problemOf } from "./problem.js";

export const OCSP_REQUEST_CONTENT_TYPE = "application/ocsp-request";
export const OCSP_RESPONSE_CONTENT_TYPE = "application/ocsp-response";
/** Largest request body read; a one-CertID request is ~80 bytes, so this leaves room for ~200 CertIDs. */
export const MAX_OCSP_REQUEST_BYTES = 16 * 1024;

/** The part of a pino logger this module uses. */
export interface OcspEndpointLogger {
  error(details: object, message: string): void;
}

export interface OcspRoute {
  kind: CertificateKind;
  /** The GET form's URL-encoded base64 request (everything after `/ocsp/{s,r}/`); undefined for POST's path. */
  encodedRequest: string | undefined;
}

/** `/ocsp/s`, `/ocsp/r` (query ignored) and everything under them; undefined for any other path. */
export function matchOcspRoute(url: string): OcspRoute | undefined {
  if (!url.startsWith("/ocsp/")) return undefined;
  const kind = url[6] === "s" ? "S" : url[6] === "r" ? "R" : undefined;
  if (!kind) return undefined;
  const next = url[7];
  if (next === undefined || next === "?") return { kind, encodedRequest: undefined };
  if (next !== "/") return undefined; // e.g. /ocsp/status: not ours, let Express answer it
  const query = url.indexOf("?", 8); // base64 never contains '?'
  return { kind, encodedRequest: query === -1 ? url.slice(8) : url.slice(8, query) };
}

/**
 * A node:http request handler for the OCSP paths. Returns false, having done nothing, for any other path so
 * the caller hands the request on (to Express).
 */
export function createOcspHttpHandler(
  service: OcspService,
  logger?: OcspEndpointLogger,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  function answerWith(kind: CertificateKind, requestDer: Uint8Array, req: IncomingMessage, res: ServerResponse): void {
    // The common case, a pre-signed answer, is written synchronously: no promise, no extra tick.
    const presigned = service.presignedAnswer(kind, requestDer);
    if (presigned) {
      writeAnswer(req, res, presigned);
      return;
    }
    service.respond(kind, requestDer).then(
      (answer) => {
        if (answer.cause !== undefined) logger?.error({ err: answer.cause, kind }, "OCSP responder failed; answered internalError");
        if (!res.destroyed) writeAnswer(req, res, answer);
      },
      (error: unknown) => {
        // respond() never rejects; this is a last line so a bug cannot leave the client hanging.
        logger?.error({ err: error, kind }, "OCSP service rejected");
        if (!res.headersSent && !res.destroyed) writeOcspError(res, INTERNAL_ERROR);
      },
    );
  }

  return function handleOcsp(req, res) {
    const route = matchOcspRoute(req.url ?? "");
    if (!route) return false;
    if (route.encodedRequest === undefined) {
      if (req.method !== "POST") return methodNotAllowed(res, "POST");
      if (!isOcspRequestContentType(req.headers["content-type"])) {
        const detail = `an OCSP request is sent as ${OCSP_REQUEST_CONTENT_TYPE} (RFC 6960 §A.1)`;
        sendProblem(res, problemOf("UNSUPPORTED_MEDIA_TYPE", 415, detail));
        return true;
      }
      readRequestBody(req, (body) => answerWith(route.kind, body, req, res), () => refuseOversized(req, res));
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
    const der = decodeGetRequest(route.encodedRequest);
    if (der) answerWith(route.kind, der, req, res);
    else writeOcspError(res, MALFORMED_REQUEST);
    return true;
  };
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  sendProblem(res, problemOf("METHOD_NOT_ALLOWED", 405, `this OCSP path accepts ${allow}`), { allow });
  return true;
}

function isOcspRequestContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const semicolon = header.indexOf(";");
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase() === OCSP_REQUEST_CONTENT_TYPE;
}

/**
 * Calls `onBody` with the whole body, or `onTooLarge` as soon as it is known to exceed the limit. (Inline
 * callbacks, not named ones: tsx wraps every named function created per request in a defineProperty call,
 * ~0.4 µs each, measured.)
 */
function readRequestBody(req: IncomingMessage, onBody: (body: Buffer) => void, onTooLarge: () => void): void {
  if (Number(req.headers["content-length"]) > MAX_OCSP_REQUEST_BYTES) {
    onTooLarge();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    if (size > MAX_OCSP_REQUEST_BYTES) return; // refused already; the connection is closing
    size += chunk.length;
    if (size > MAX_OCSP_REQUEST_BYTES) onTooLarge();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    if (size <= MAX_OCSP_REQUEST_BYTES) onBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
  // No 'error' listener needed: node:http emits 'error' on an aborted request only to listeners it has.
}

/** malformedRequest, then close the connection instead of reading the rest of an oversized body. */
function refuseOversized(req: IncomingMessage, res: ServerResponse): void {
  writeOcspError(res, MALFORMED_REQUEST, { connection: "close" });
  // Stop the body from flowing; node:http closes the socket once the answer is written (Connection: close).
  req.pause();
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/; // Node's decoder reads the URL-safe alphabet too; some clients send it

/** RFC 6960 §A.1 GET: the URL-encoded base64 of the DER. Undefined when it is not that. */
function decodeGetRequest(encoded: string): Buffer | undefined {
  let base64: string;
  try {
    base64 = decodeURIComponent(encoded); // '/' in base64 may come as-is or as %2F; '+' stays '+' in a path
  } catch {
    return undefined;
  }
  if (base64.length > (MAX_OCSP_REQUEST_BYTES * 4) / 3 + 4 || !BASE64.test(base64)) return undefined;
  return Buffer.from(base64, "base64");
}

const MALFORMED_REQUEST = errorAnswer("malformedRequest");
const INTERNAL_ERROR = errorAnswer("internalError");

function writeOcspError(res: ServerResponse, answer: OcspAnswer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { ...ocspHeaders(answer.der), "cache-control": "no-store", ...extra });
  res.end(answer.der);
}

function ocspHeaders(der: Bytes): Record<string, string | number> {
  return { "content-type": OCSP_RESPONSE_CONTENT_TYPE, "content-length": der.byteLength };
}

interface CacheableHeaders {
  etag: string;
  lastModified: string;
  expires: string;
  /** The max-age the two header sets below were made for. */
  maxAge: number;
  /** For a 304: the cache headers only. */
  revalidation: OutgoingHttpHeaders;
  /** For a 200: cache headers, Content-Type and Content-Length. */
  full: OutgoingHttpHeaders;
}

// Per pre-signed response (the same bytes are served until re-signed): hash and format once, and rebuild the
// header objects only when max-age changes (once a second), not per request.
const headersOf = new WeakMap<Bytes, CacheableHeaders>();

function cacheableHeaders(answer: OcspAnswer, maxAge: number): CacheableHeaders {
  let entry = headersOf.get(answer.der);
  if (!entry) {
    entry = {
      etag: `"${createHash("sha1").update(answer.der).digest("hex")}"`,
      lastModified: answer.thisUpdate!.toUTCString(),
      expires: answer.nextUpdate!.toUTCString(),
      maxAge: -1,
      revalidation: {},
      full: {},
    };
    headersOf.set(answer.der, entry);
  }
  if (entry.maxAge !== maxAge) {
    entry.maxAge = maxAge;
    entry.revalidation = {
      "cache-control": `max-age=${maxAge}, public, no-transform, must-revalidate`,
      "last-modified": entry.lastModified,
      expires: entry.expires,
      etag: entry.etag,
    };
    entry.full = { ...ocspHeaders(answer.der), ...entry.revalidation };
  }
  return entry;
}

/**
 * Cache headers per RFC 5019 §6.2. An answer anybody may be given (no nonce, no chaos) gets `max-age` up to
 * nextUpdate, `public, no-transform, must-revalidate`, Last-Modified = thisUpdate, Expires = nextUpdate and
 * an ETag (SHA-1 of the response). POST answers carry the same headers: §6.2 says authoritative responses
 * MUST NOT carry `no-store`/`no-cache`, and they are harmless there — HTTP caches key on method and URI
 * (RFC 9111 §2), so nothing else is ever served from a POST answer, while a client keeping its own copy
 * (RFC 5019 §6.1) learns how long it stays valid. A nonce or chaos answer belongs to one request: `private,
 * max-age=0` keeps shared caches from handing it to anyone else. Error answers are not authoritative:
 * `no-store`, as §6.2 allows.
 */
function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: OcspAnswer): void {
  if (answer.responseStatus !== "successful") {
    writeOcspError(res, answer);
    return;
  }
  if (answer.cacheMaxAgeSeconds === undefined) {
    res.writeHead(200, { ...ocspHeaders(answer.der), "cache-control": "private, max-age=0, no-transform, must-revalidate" });
    res.end(answer.der);
    return;
  }
  const headers = cacheableHeaders(answer, answer.cacheMaxAgeSeconds);
  if (req.method !== "POST" && req.headers["if-none-match"] === headers.etag) {
    res.writeHead(304, headers.revalidation); // a cache revalidating (must-revalidate) gets no body when nothing changed
    res.end();
    return;
  }
  res.writeHead(200, headers.full);
  res.end(answer.der);
}
