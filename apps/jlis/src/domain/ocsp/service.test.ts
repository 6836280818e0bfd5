import { bytesEqual, parseOcspResponse, randomSerialNumber, verifyOcspResponse, type CertificateKind } from "@jpki-sandbox/jpki-core";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SandboxClock } from "../clock.js";
import type { OcspChaos } from "./chaos.js";
import type { OcspService } from "./service.js";
import type { OcspAuthority } from "./sign-response.js";
import type { InMemoryStatusSource } from "./status-source.js";
import {
  extension,
  FIXTURE_NOW,
  GOOD_SERIAL,
  NONCE_OID,
  requestFor,
  REVOKED_AT,
  REVOKED_SERIAL,
  serviceFixture,
  successful,
  testAuthorities,
  tlv,
  withRequestExtensions,
} from "./test-support.js";

let authorities: Record<CertificateKind, OcspAuthority>;
let S: OcspAuthority;
let clock: SandboxClock;
let statuses: InMemoryStatusSource;
let chaos: OcspChaos;
let service: OcspService;
const good = GOOD_SERIAL;
const revoked = REVOKED_SERIAL;
const revokedAt = REVOKED_AT;

beforeAll(async () => {
  authorities = await testAuthorities();
  S = authorities.S;
}, 60_000);

beforeEach(async () => {
  chaos = { mode: "off", delayMs: 0 };
  ({ clock, statuses, service } = await serviceFixture(() => chaos));
});

async function ask(serials: string[], options: Parameters<typeof requestFor>[2] = {}) {
  const request = await requestFor(S, serials, options);
  return { request, answer: await service.respond("S", request.der) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("OCSP service: statuses", () => {
  it("answers good, signed by the delegated S responder at sandbox time (whole seconds)", async () => {
    clock.setOffset(123); // sub-second: must not leak into the DER
    const { answer } = await ask([good]);
    expect(answer).toMatchObject({ responseStatus: "successful", fromCache: false, cacheMaxAgeSeconds: 3599 }); // 0.123 s gone
    const verified = await verifyOcspResponse(answer.der, { issuer: S.ca.certificate, serialNumber: good, at: clock.now() });
    expect(verified.signedBy).toBe("delegated");
    expect(verified.responderCertificate!.rawData).toEqual(S.responder.certificate.rawData);
    expect(verified.single).toMatchObject({ status: "good", thisUpdate: FIXTURE_NOW, nextUpdate: new Date(FIXTURE_NOW.getTime() + 3600_000) });
    expect(verified.response.producedAt).toEqual(FIXTURE_NOW);
  });

  it("answers revoked with the reason and time", async () => {
    const { answer } = await ask([revoked]);
    const { single } = await verifyOcspResponse(answer.der, { issuer: S.ca.certificate, serialNumber: revoked, at: clock.now() });
    expect(single).toMatchObject({ status: "revoked", reason: "keyCompromise", reasonCode: 1, revokedAt });
  });

  it("answers unknown for a serial this CA never issued", async () => {
    const { answer } = await ask([randomSerialNumber()]);
    expect(successful(answer.der).responses[0]!.status).toBe("unknown");
  });

  it("answers unknown for a CertID naming the other CA, without asking the status source", async () => {
    statuses.issue("R", good);
    const request = await requestFor(authorities.R, [good]);
    const answer = await service.respond("S", request.der);
    expect(successful(answer.der).responses[0]!.status).toBe("unknown");
    expect(statuses.lookups).toBe(0);
  });

  it("accepts SHA-256 CertIDs and answers with them", async () => {
    const { request, answer } = await ask([good], { hashAlgorithm: "SHA-256" });
    const { single } = await verifyOcspResponse(answer.der, { issuer: S.ca.certificate, certId: request.certIds[0]!, at: clock.now() });
    expect(single!.status).toBe("good");
  });

  it("answers several CertIDs together, in request order", async () => {
    const unknown = randomSerialNumber();
    const { answer } = await ask([revoked, good, unknown]);
    const responses = successful(answer.der).responses;
    expect(responses.map((r) => [r.certId.serialNumber, r.status])).toEqual([
      [revoked, "revoked"],
      [good, "good"],
      [unknown, "unknown"],
    ]);
  });

  it("answers on the R path with the R responder", async () => {
    statuses.issue("R", good);
    const request = await requestFor(authorities.R, [good]);
    const answer = await service.respond("R", request.der);
    const verified = await verifyOcspResponse(answer.der, { issuer: authorities.R.ca.certificate, serialNumber: good, at: clock.now() });
    expect(verified.single!.status).toBe("good");
  });
});

describe("OCSP service: nonces and malformed requests", () => {
  it("echoes the nonce unchanged and never serves a nonce answer from the cache", async () => {
    const first = await ask([good], { nonce: true });
    const second = await ask([good], { nonce: true });
    for (const { request, answer } of [first, second]) {
      expect(answer.cacheMaxAgeSeconds).toBeUndefined();
      await verifyOcspResponse(answer.der, { issuer: S.ca.certificate, nonce: request.nonce!, serialNumber: good, at: clock.now() });
    }
    const again = await service.respond("S", first.request.der);
    expect(again.fromCache).toBe(false);
    expect(statuses.lookups).toBe(3);
    expect(service.stats()).toMatchObject({ cacheHits: 0, cachedResponses: 0, signed: 3 });
  });

  it("echoes a 128-octet nonce and refuses a 129-octet one (RFC 9654)", async () => {
    const plain = await requestFor(S, [good]);
    const nonceOf = (n: number) => extension(NONCE_OID, tlv(0x04, new Uint8Array(n).fill(7)));
    const ok = await service.respond("S", withRequestExtensions(plain, nonceOf(128)));
    expect(ok.responseStatus).toBe("successful");
    expect(bytesEqual(successful(ok.der).nonce!, tlv(0x04, new Uint8Array(128).fill(7)))).toBe(true);
    expect((await service.respond("S", withRequestExtensions(plain, nonceOf(129)))).responseStatus).toBe("malformedRequest");
  });

  it("ignores an unknown non-critical extension and refuses an unknown critical one (RFC 6960 §4.4)", async () => {
    const plain = await requestFor(S, [good]);
    const private1 = [0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x01]; // 1.3.6.1.4.1.311.1, not an OCSP extension
    const lenient = await service.respond("S", withRequestExtensions(plain, extension(private1, tlv(0x05))));
    expect(lenient.responseStatus).toBe("successful");
    const strict = await service.respond("S", withRequestExtensions(plain, extension(private1, tlv(0x05), true)));
    expect(strict.responseStatus).toBe("malformedRequest");
  });

  it.each([
    ["empty", new Uint8Array()],
    ["garbage", new TextEncoder().encode("GET / HTTP/1.1\r\n")],
    ["an empty SEQUENCE", new Uint8Array([0x30, 0x00])],
    ["a truncated request", new Uint8Array([0x30, 0x45, 0x30, 0x43, 0x30, 0x41])],
  ])("answers malformedRequest to %s, without throwing", async (_name, der) => {
    const answer = await service.respond("S", der);
    expect(answer.responseStatus).toBe("malformedRequest");
    expect(parseOcspResponse(answer.der).responseStatus).toBe("malformedRequest");
    expect(service.stats().malformed).toBe(1);
  });
});

describe("OCSP service: chaos", () => {
  it("tryLater: answers tryLater to everything, even garbage", async () => {
    chaos = { mode: "tryLater", delayMs: 0 };
    expect((await ask([good])).answer.responseStatus).toBe("tryLater");
    expect((await service.respond("S", new Uint8Array([1, 2, 3]))).responseStatus).toBe("tryLater");
  });

  it("unknown: every certificate unknown, never cached, normal service after", async () => {
    const { request } = await ask([good]); // cached good
    chaos = { mode: "unknown", delayMs: 0 };
    const answer = await service.respond("S", request.der);
    expect(answer.cacheMaxAgeSeconds).toBeUndefined();
    const { single } = await verifyOcspResponse(answer.der, { issuer: S.ca.certificate, serialNumber: good, at: clock.now() });
    expect(single!.status).toBe("unknown");
    chaos = { mode: "off", delayMs: 0 };
    const after = await service.respond("S", request.der);
    expect(after.fromCache).toBe(true);
    expect(successful(after.der).responses[0]!.status).toBe("good");
  });

  it("stale: real statuses, but nextUpdate one validity period ago; a client rejects it", async () => {
    chaos = { mode: "stale", delayMs: 0 };
    const { answer } = await ask([revoked]);
    expect(answer.cacheMaxAgeSeconds).toBeUndefined();
    const response = successful(answer.der);
    expect(response.responses[0]).toMatchObject({
      status: "revoked",
      thisUpdate: new Date(FIXTURE_NOW.getTime() - 7200_000),
      nextUpdate: new Date(FIXTURE_NOW.getTime() - 3600_000),
    });
    await expect(verifyOcspResponse(answer.der, { issuer: S.ca.certificate, at: clock.now() })).rejects.toMatchObject({
      code: "OCSP_RESPONSE_NOT_CURRENT",
    });
    expect(service.stats().cachedResponses).toBe(0);
  });

  it("delayMs: waits before answering, cached answers too", async () => {
    const { request } = await ask([good]);
    chaos = { mode: "off", delayMs: 250 };
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    let settled = false;
    const pending = service.respond("S", request.der).then((answer) => ((settled = true), answer));
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).fromCache).toBe(true);
  });
});
