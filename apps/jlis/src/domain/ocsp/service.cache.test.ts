/** The pre-signed response cache: hits, invalidation, single-flight builds, refresh, eviction. */
import { randomSerialNumber, type CertificateKind } from "@jpki-sandbox/jpki-core";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SandboxClock } from "../clock.js";
import type { OcspChaos } from "./chaos.js";
import { createOcspService, type OcspService } from "./service.js";
import type { OcspAuthority } from "./sign-response.js";
import type { CertificateStatusSource, InMemoryStatusSource } from "./status-source.js";
import { FIXTURE_NOW, GOOD_SERIAL, requestFor, REVOKED_SERIAL, serviceFixture, successful, testAuthorities } from "./test-support.js";

let authorities: Record<CertificateKind, OcspAuthority>;
let S: OcspAuthority;
let clock: SandboxClock;
let statuses: InMemoryStatusSource;
let chaos: OcspChaos;
let service: OcspService;
const good = GOOD_SERIAL;
const revoked = REVOKED_SERIAL;

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

describe("OCSP service: pre-signed responses", () => {
  it("serves the identical bytes from the cache without asking the status source again", async () => {
    const { request, answer: first } = await ask([good]);
    expect(statuses.lookups).toBe(1);
    clock.setOffset(60_000);
    const second = await service.respond("S", request.der);
    expect(second.fromCache).toBe(true);
    expect(second.der).toBe(first.der);
    expect(second.cacheMaxAgeSeconds).toBe(3600 - 60);
    expect(statuses.lookups).toBe(1);
    expect(service.stats()).toMatchObject({ requests: 2, cacheHits: 1, signed: 1, cachedResponses: 1 });
  });

  it("presignedAnswer: the stored answer synchronously, else undefined (miss, nonce, chaos)", async () => {
    const plain = await requestFor(S, [good]);
    expect(service.presignedAnswer("S", plain.der)).toBeUndefined();
    const built = await service.respond("S", plain.der);
    const stored = service.presignedAnswer("S", plain.der);
    expect(stored).toMatchObject({ responseStatus: "successful", fromCache: true, cacheMaxAgeSeconds: 3600 });
    expect(stored!.der).toBe(built.der);
    expect(service.presignedAnswer("R", plain.der)).toBeUndefined(); // another path, another key
    const withNonce = await requestFor(S, [good], { nonce: true });
    await service.respond("S", withNonce.der);
    expect(service.presignedAnswer("S", withNonce.der)).toBeUndefined();
    chaos = { mode: "off", delayMs: 10 };
    expect(service.presignedAnswer("S", plain.der)).toBeUndefined();
    expect(service.stats()).toMatchObject({ requests: 3, cacheHits: 1 });
  });

  it("shows a revocation in the very next response after invalidate", async () => {
    const { request } = await ask([good]);
    statuses.revoke("S", good, FIXTURE_NOW, "cessationOfOperation");
    expect((await service.respond("S", request.der)).fromCache).toBe(true); // the contract: the caller invalidates
    service.invalidate("S", `00${good.toUpperCase()}`); // any serial spelling works
    const after = await service.respond("S", request.der);
    expect(successful(after.der).responses[0]).toMatchObject({ status: "revoked", reason: "cessationOfOperation" });
  });

  it("the same bytes on the other CA's path get that path's answer, not the stored one", async () => {
    const { request } = await ask([good]);
    const onR = await service.respond("R", request.der);
    expect(onR.fromCache).toBe(false);
    expect(successful(onR.der).responses[0]!.status).toBe("unknown"); // the CertID names the S CA
    const onS = await service.respond("S", request.der);
    expect(successful(onS.der).responses[0]!.status).toBe("good");
  });

  it("drops every cached answer naming the certificate, multi-CertID ones included", async () => {
    const single = await requestFor(S, [good]);
    const pair = await requestFor(S, [revoked, good]);
    await service.respond("S", single.der);
    await service.respond("S", pair.der);
    service.invalidate("S", good);
    expect(service.stats().cachedResponses).toBe(0);
  });

  it("signs once for concurrent identical misses", async () => {
    const request = await requestFor(S, [good]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => service.respond("S", request.der)));
    expect(new Set(answers.map((a) => a.der)).size).toBe(1);
    expect(service.stats()).toMatchObject({ signed: 1, sharedBuilds: 9 });
    expect(statuses.lookups).toBe(1);
  });

  it("does not keep, nor share, a build that read the status before an invalidation", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: CertificateStatusSource = {
      statusOf: async (kind, serial) => {
        const status = await statuses.statusOf(kind, serial); // read now, answer later
        await gate;
        return status;
      },
    };
    service = createOcspService({ authorities, statuses: slow, clock });
    const request = await requestFor(S, [good]);
    const before = service.respond("S", request.der);
    await vi.waitFor(() => expect(statuses.lookups).toBe(1)); // it has read "good"
    statuses.revoke("S", good, FIXTURE_NOW, "keyCompromise");
    service.invalidate("S", good);
    const after = service.respond("S", request.der); // must not join the build started before
    release();
    expect(successful((await before).der).responses[0]!.status).toBe("good");
    expect(successful((await after).der).responses[0]!.status).toBe("revoked");
    const next = await service.respond("S", request.der);
    expect(next.fromCache).toBe(true);
    expect(successful(next.der).responses[0]!.status).toBe("revoked");
    expect(service.stats()).toMatchObject({ signed: 2, sharedBuilds: 0 });
  });

  it("re-signs once less than half the validity is left, and when the clock went back", async () => {
    const { request, answer: first } = await ask([good]);
    clock.setOffset(1800_000 - 1000);
    expect((await service.respond("S", request.der)).der).toBe(first.der);
    clock.setOffset(1800_000);
    const refreshed = await service.respond("S", request.der);
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.thisUpdate).toEqual(new Date(FIXTURE_NOW.getTime() + 1800_000));
    clock.setOffset(-5000);
    const back = await service.respond("S", request.der);
    expect(back.thisUpdate).toEqual(new Date(FIXTURE_NOW.getTime() - 5000));
  });

  it("honours validitySeconds", async () => {
    service = createOcspService({ authorities, statuses, clock, validitySeconds: 600 });
    const { answer } = await ask([good]);
    expect(answer.nextUpdate!.getTime() - answer.thisUpdate!.getTime()).toBe(600_000);
    expect(answer.cacheMaxAgeSeconds).toBe(600);
  });

  it("evicts the least recently used response beyond cacheSize", async () => {
    service = createOcspService({ authorities, statuses, clock, cacheSize: 2 });
    const [a, b, c] = await Promise.all([good, revoked, randomSerialNumber()].map((serial) => requestFor(S, [serial])));
    await service.respond("S", a!.der);
    await service.respond("S", b!.der);
    await service.respond("S", a!.der); // a is now the most recent
    await service.respond("S", c!.der); // evicts b
    expect(service.stats()).toMatchObject({ cachedResponses: 2, evictions: 1 });
    expect((await service.respond("S", a!.der)).fromCache).toBe(true);
    expect((await service.respond("S", b!.der)).fromCache).toBe(false);
  });

  it("invalidateAll empties the cache", async () => {
    await ask([good]);
    service.invalidateAll();
    expect(service.stats().cachedResponses).toBe(0);
  });

  it("answers internalError (with the cause) when the status source fails, and caches nothing", async () => {
    const failure = new Error("database down");
    service = createOcspService({ authorities, statuses: { statusOf: () => Promise.reject(failure) }, clock });
    const request = await requestFor(S, [good]);
    const answer = await service.respond("S", request.der);
    expect(answer).toMatchObject({ responseStatus: "internalError", cause: failure });
    expect(service.stats()).toMatchObject({ internalErrors: 1, cachedResponses: 0 });
  });

  it("rejects nonsense options", () => {
    expect(() => createOcspService({ authorities, statuses, clock, cacheSize: 0 })).toThrow(RangeError);
    expect(() => createOcspService({ authorities, statuses, clock, validitySeconds: 1.5 })).toThrow(RangeError);
  });
});

