import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import {
  bytesToBase64,
  parseOcspResponse,
  randomSerialNumber,
  verifyOcspResponse,
  type CertificateKind,
  type OcspResponseStatus,
} from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createFixedClock } from "../domain/clock.js";
import type { OcspChaos } from "../domain/ocsp/chaos.js";
import { createOcspService, type OcspService } from "../domain/ocsp/service.js";
import type { OcspAuthority } from "../domain/ocsp/sign-response.js";
import { createInMemoryStatusSource } from "../domain/ocsp/status-source.js";
import { FIXTURE_NOW, requestFor, testAuthorities } from "../domain/ocsp/test-support.js";
import { createOcspHttpHandler, matchOcspRoute, MAX_OCSP_REQUEST_BYTES, type OcspEndpointLogger } from "./ocsp-endpoint.js";

const OCSP_REQUEST = { "content-type": "application/ocsp-request" };
const good = randomSerialNumber();
let authorities: Record<CertificateKind, OcspAuthority>;
let chaos: OcspChaos;
let service: OcspService;
let server: Server;
let base: string;
const logger: OcspEndpointLogger = { error: vi.fn() };

beforeAll(async () => {
  authorities = await testAuthorities();
  // Delegates to the current `service`, so a test can swap it (e.g. for a failing status source).
  const handler = createOcspHttpHandler(
    {
      respond: (...a) => service.respond(...a),
      presignedAnswer: (...a) => service.presignedAnswer(...a),
      invalidate: () => {},
      invalidateAll: () => {},
      stats: () => service.stats(),
    },
    logger,
  );
  server = createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404, { "content-type": "text/plain" }).end("not an OCSP path");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  const statuses = createInMemoryStatusSource();
  statuses.issue("S", good);
  chaos = { mode: "off", delayMs: 0 };
  service = createOcspService({ authorities, statuses, clock: createFixedClock(FIXTURE_NOW), chaos: () => chaos });
});

const post = (path: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = OCSP_REQUEST) =>
  fetch(base + path, { method: "POST", body, headers });

async function ocspStatusOf(response: Response): Promise<OcspResponseStatus> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/ocsp-response");
  return parseOcspResponse(new Uint8Array(await response.arrayBuffer())).responseStatus;
}

/** A request for `good` whose base64 contains '/', so the GET path has more than one segment. */
async function requestWithSlash() {
  for (;;) {
    const request = await requestFor(authorities.S, [good, randomSerialNumber()]);
    if (bytesToBase64(request.der).includes("/")) return request;
  }
}

describe("matchOcspRoute", () => {
  it.each([
    ["/ocsp/s", { kind: "S", encodedRequest: undefined }],
    ["/ocsp/r?x=1", { kind: "R", encodedRequest: undefined }],
    ["/ocsp/s/", { kind: "S", encodedRequest: "" }],
    ["/ocsp/r/MEow/SDBG%2B?q", { kind: "R", encodedRequest: "MEow/SDBG%2B" }],
    ["/ocsp/sx", undefined],
    ["/ocsp/", undefined],
    ["/ocsp", undefined],
    ["/crl/s.crl", undefined],
  ])("%s", (url, expected) => {
    expect(matchOcspRoute(url)).toEqual(expected);
  });
});

describe("OCSP endpoint: answers", () => {
  it("POST: the signed response with RFC 5019 cache headers", async () => {
    const request = await requestFor(authorities.S, [good]);
    const response = await post("/ocsp/s", request.der);
    const der = new Uint8Array(await response.arrayBuffer());
    const { single } = await verifyOcspResponse(der, { issuer: authorities.S.ca.certificate, serialNumber: good, at: FIXTURE_NOW });
    expect(single!.status).toBe("good");
    expect(response.headers.get("cache-control")).toBe("max-age=3600, public, no-transform, must-revalidate");
    expect(response.headers.get("last-modified")).toBe(FIXTURE_NOW.toUTCString());
    expect(response.headers.get("expires")).toBe(new Date(FIXTURE_NOW.getTime() + 3600_000).toUTCString());
    expect(response.headers.get("etag")).toBe(`"${createHash("sha1").update(der).digest("hex")}"`);
  });

  it("GET: the URL-encoded base64 request, '/' raw or as %2F, answered with the same pre-signed bytes", async () => {
    const request = await requestWithSlash();
    const base64 = bytesToBase64(request.der);
    const posted = new Uint8Array(await (await post("/ocsp/s", request.der)).arrayBuffer());
    for (const path of [base64, encodeURIComponent(base64)]) {
      const response = await fetch(`${base}/ocsp/s/${path}`);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(posted);
      expect(response.headers.get("cache-control")).toMatch(/^max-age=3600, public/);
    }
    expect(service.stats()).toMatchObject({ signed: 1, cacheHits: 2 });
  });

  it("GET revalidation: If-None-Match with the ETag gets 304; HEAD gets the headers only", async () => {
    const path = `${base}/ocsp/s/${encodeURIComponent(bytesToBase64((await requestFor(authorities.S, [good])).der))}`;
    const etag = (await fetch(path)).headers.get("etag")!;
    const revalidated = await fetch(path, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    const head = await fetch(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(1000);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("a nonce answer is for its requester only: private, max-age=0, no validators", async () => {
    const request = await requestFor(authorities.S, [good], { nonce: true });
    const response = await post("/ocsp/s", request.der);
    expect(await ocspStatusOf(response)).toBe("successful");
    expect(response.headers.get("cache-control")).toBe("private, max-age=0, no-transform, must-revalidate");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("an error answer is not cacheable: chaos tryLater gets no-store", async () => {
    chaos = { mode: "tryLater", delayMs: 0 };
    const response = await post("/ocsp/r", (await requestFor(authorities.R, [good])).der);
    expect(await ocspStatusOf(response)).toBe("tryLater");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("a failing status source is internalError, logged, never an HTTP 500", async () => {
    const failure = new Error("database down");
    service = createOcspService({ authorities, statuses: { statusOf: () => Promise.reject(failure) }, clock: createFixedClock(FIXTURE_NOW) });
    const response = await post("/ocsp/s", (await requestFor(authorities.S, [good])).der);
    expect(await ocspStatusOf(response)).toBe("internalError");
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: failure, kind: "S" }), expect.any(String));
  });
});

describe("OCSP endpoint: bad input", () => {
  it.each([
    ["garbage", new TextEncoder().encode("hello")],
    ["an empty body", new Uint8Array()],
  ])("POST of %s: malformedRequest", async (_name, body) => {
    const response = await post("/ocsp/s", body);
    expect(await ocspStatusOf(response)).toBe("malformedRequest");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each(["!!!!", "%E0%A4%A", "", "AAAA", "QUJD=====", "a%20b"])("GET /ocsp/s/%s: malformedRequest", async (path) => {
    expect(await ocspStatusOf(await fetch(`${base}/ocsp/s/${path}`))).toBe("malformedRequest");
  });

  it("an oversized POST is refused with malformedRequest before it is read, and the connection closed", async () => {
    const sent = await rawPost("/ocsp/s", { "content-length": String(MAX_OCSP_REQUEST_BYTES + 1) }, new Uint8Array(MAX_OCSP_REQUEST_BYTES + 1));
    expect(sent.status).toBe(200);
    expect(sent.headers.connection).toBe("close");
    expect(parseOcspResponse(sent.body).responseStatus).toBe("malformedRequest");
  });

  it("an oversized chunked POST (no Content-Length) is cut off at the limit", async () => {
    const sent = await rawPost("/ocsp/s", { "transfer-encoding": "chunked" }, new Uint8Array(4 * MAX_OCSP_REQUEST_BYTES));
    expect(parseOcspResponse(sent.body).responseStatus).toBe("malformedRequest");
  });

  it("a body of exactly the limit is read (and is not an OCSP request)", async () => {
    const response = await post("/ocsp/s", new Uint8Array(MAX_OCSP_REQUEST_BYTES));
    expect(await ocspStatusOf(response)).toBe("malformedRequest");
    expect(response.headers.get("connection")).not.toBe("close");
  });

  it("a client that hangs up mid-body does not hurt the server", async () => {
    const socket = connect(Number(new URL(base).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("POST /ocsp/s HTTP/1.1\r\nHost: x\r\nContent-Type: application/ocsp-request\r\nContent-Length: 100\r\n\r\n0123");
    socket.destroy();
    const response = await post("/ocsp/s", (await requestFor(authorities.S, [good])).der);
    expect(await ocspStatusOf(response)).toBe("successful");
  });

  it.each([undefined, "application/octet-stream", "text/plain"])("Content-Type %s: 415 problem", async (type) => {
    const response = await post("/ocsp/s", new Uint8Array([0x30, 0x00]), type ? { "content-type": type } : {});
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("accepts Content-Type parameters and any case", async () => {
    const request = await requestFor(authorities.S, [good]);
    const response = await post("/ocsp/s", request.der, { "content-type": "Application/OCSP-Request; charset=binary" });
    expect(await ocspStatusOf(response)).toBe("successful");
  });

  it.each([
    ["PUT", "/ocsp/s", "POST"],
    ["GET", "/ocsp/r", "POST"],
    ["POST", "/ocsp/s/MAA=", "GET, HEAD"],
    ["DELETE", "/ocsp/r/MAA=", "GET, HEAD"],
  ])("%s %s: 405 problem, Allow %s", async (method, path, allow) => {
    const response = await fetch(base + path, { method, headers: OCSP_REQUEST, ...(method === "GET" ? {} : { body: "x" }) });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(await response.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it.each(["/ocsp/sx", "/ocsp", "/healthz"])("%s is handed on", async (path) => {
    expect((await fetch(base + path)).status).toBe(404);
  });
});

/** A POST through node:http, for bodies fetch will not send as asked (a declared length, chunking). */
function rawPost(path: string, headers: Record<string, string>, body: Uint8Array) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Uint8Array<ArrayBuffer> }>(
    (resolve, reject) => {
      const req = httpRequest(base + path, { method: "POST", headers: { ...OCSP_REQUEST, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      });
      req.on("error", reject);
      // The server may close before the body is sent: what matters is the answer that came first.
      req.write(body, () => req.end());
    },
  );
}
