/** The OCSP endpoints as wired into the whole app (the handler itself is tested in server/ocsp-endpoint.test.ts). */
import { buildOcspRequest, bytesToBase64, parseOcspResponse, parseX509 } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestJlis, type IssuedTestCard, type TestJlis } from "./test-support/test-jlis.js";

let t: TestJlis;
let hanako: IssuedTestCard;
beforeAll(async () => {
  t = await startTestJlis();
  hanako = await t.issueCard();
});
afterAll(() => t?.stop());

const post = (path: string, body: Uint8Array<ArrayBuffer>, contentType = "application/ocsp-request") =>
  t.call(path, { method: "POST", body, headers: { "content-type": contentType } });

describe("OCSP in jlis", () => {
  it("answers the GET form (RFC 6960 Appendix A) with cache headers", async () => {
    const issuer = parseX509(await (await t.call("/ca/r.pem")).text());
    const { der } = await buildOcspRequest({ issuer, serialNumbers: [hanako.rSerial], nonce: false });
    const response = await t.call(`/ocsp/r/${encodeURIComponent(bytesToBase64(der))}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ocsp-response");
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const parsed = parseOcspResponse(new Uint8Array(await response.arrayBuffer()));
    expect(parsed.responseStatus === "successful" && parsed.responses[0]?.status).toBe("good");
  });

  it("answers garbage with OCSP malformedRequest (never a 500), and an S serial on the R path as unknown", async () => {
    for (const body of [new Uint8Array([0x30, 0x03, 0x02, 0x01]), new TextEncoder().encode("hello"), new Uint8Array(0)]) {
      const response = await post("/ocsp/s", body);
      expect(response.status).toBe(200);
      expect(parseOcspResponse(new Uint8Array(await response.arrayBuffer())).responseStatus).toBe("malformedRequest");
    }
    const issuer = parseX509(await (await t.call("/ca/r.pem")).text());
    const { der } = await buildOcspRequest({ issuer, serialNumbers: [hanako.sSerial], nonce: false });
    const parsed = parseOcspResponse(new Uint8Array(await (await post("/ocsp/r", der)).arrayBuffer()));
    expect(parsed.responseStatus === "successful" && parsed.responses[0]?.status).toBe("unknown");
  });

  it("refuses an oversized body, a wrong content type and a wrong method without a 500", async () => {
    const oversized = await post("/ocsp/s", new Uint8Array(64 * 1024).fill(0x30));
    expect(oversized.status).toBeLessThan(500);
    const wrongType = await post("/ocsp/s", new Uint8Array([0x30, 0x00]), "application/json");
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("content-type")).toMatch(/problem\+json/);
    const wrongMethod = await t.call("/ocsp/s", { method: "PUT" });
    expect(wrongMethod.status).toBe(405);
  });
});
