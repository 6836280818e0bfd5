import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, ocspStatusOf, startTestJlis, type IssuedTestCard, type TestJlis } from "../../test-support/test-jlis.js";

let t: TestJlis;
let hanako: IssuedTestCard;
beforeAll(async () => {
  t = await startTestJlis();
  hanako = await t.issueCard();
});
afterAll(() => t?.stop());

describe("admin API", () => {
  it("needs the admin credential (401 with a challenge otherwise)", async () => {
    for (const auth of [undefined, basic("admin", "wrong"), t.counterAuth]) {
      const response = await t.call("/admin/api/overview", auth ? { auth } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
    }
    expect((await t.call("/admin/", {})).status).toBe(401);
  });

  it("overview counts residents and certificates by status", async () => {
    const body = (await (await t.call("/admin/api/overview", { auth: t.adminAuth })).json()) as { counts: { residents: number; certificates: { S: { good: number } } } };
    expect(body.counts.residents).toBe(1);
    expect(body.counts.certificates.S.good).toBe(1);
  });

  it("lists certificates with the holder's name and filters by kind and status", async () => {
    const body = (await (await t.call("/admin/api/certificates?kind=R&status=good", { auth: t.adminAuth })).json()) as { certificates: { serialNumber: string; residentName: string }[] };
    expect(body.certificates).toEqual([expect.objectContaining({ serialNumber: hanako.rSerial, residentName: "総務　花子" })]);
    const bad = await t.call("/admin/api/certificates?kind=X", { auth: t.adminAuth });
    expect(bad.status).toBe(400);
  });

  it("revocation is final and needs a known reason; affiliationChanged never applies to R", async () => {
    expect((await t.call(`/admin/api/certificates/${hanako.rSerial}/revoke`, { auth: t.adminAuth, json: { reason: "certificateHold" } })).status).toBe(400);
    const r = await t.call(`/admin/api/certificates/${hanako.rSerial}/revoke`, { auth: t.adminAuth, json: { reason: "affiliationChanged" } });
    expect(r.status).toBe(400);
    const first = await t.call(`/admin/api/certificates/${hanako.sSerial}/revoke`, { auth: t.adminAuth, json: { reason: "cessationOfOperation" } });
    expect(await first.json()).toMatchObject({ status: "revoked", revocationReason: "cessationOfOperation" });
    const again = await t.call(`/admin/api/certificates/${hanako.sSerial}/revoke`, { auth: t.adminAuth, json: { reason: "keyCompromise" } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe("CERTIFICATE_ALREADY_REVOKED");
    const unknown = await t.call(`/admin/api/certificates/abcdef/revoke`, { auth: t.adminAuth, json: { reason: "keyCompromise" } });
    expect(unknown.status).toBe(404);
  });

  it("advances the sandbox clock by an ISO 8601 duration; certificates expire; reset goes back", async () => {
    const before = Date.parse(((await (await t.call("/clock")).json()) as { now: string }).now);
    const advanced = (await (await t.call("/admin/api/clock", { auth: t.adminAuth, json: { advance: "P11Y" } })).json()) as { now: string; offsetMs: number };
    expect(Date.parse(advanced.now) - before).toBeGreaterThan(10 * 365 * 86_400_000);
    const r = (await (await t.call(`/api/v1/certificates/${hanako.rSerial}`, { auth: t.counterAuth })).json()) as { status: string };
    expect(r.status).toBe("expired");
    expect((await t.call("/admin/api/clock", { auth: t.adminAuth, json: { advance: "five years" } })).status).toBe(400);
    // DESIGN.md's spelling, POST /admin/clock, is the same endpoint (and needs the same credential).
    expect((await t.call("/admin/clock", { json: { advance: "P1D" } })).status).toBe(401);
    const viaDesignPath = (await (await t.call("/admin/clock", { auth: t.adminAuth, json: { advance: "P1D" } })).json()) as { offsetMs: number };
    expect(viaDesignPath.offsetMs).toBeGreaterThan(advanced.offsetMs);
    const reset = (await (await t.call("/admin/api/clock", { auth: t.adminAuth, json: { reset: true } })).json()) as { offsetMs: number };
    expect(reset.offsetMs).toBe(0);
  });

  it("sets chaos knobs, validated; OCSP answers tryLater at once, then good again", async () => {
    const ocspStatus = () => ocspStatusOf(t, "r", hanako.rSerial);
    expect(await ocspStatus()).toBe("good");
    const chaos = { ocsp: { mode: "tryLater", delayMs: 0 }, linkage: { mode: "off", delayMs: 5 } };
    expect(await (await t.call("/admin/api/chaos", { auth: t.adminAuth, method: "PUT", json: chaos })).json()).toEqual(chaos);
    expect(await ocspStatus()).toBe("tryLater");
    expect((await t.call("/admin/api/chaos", { auth: t.adminAuth, method: "PUT", json: { ocsp: { mode: "explode" } } })).status).toBe(400);
    await t.call("/admin/api/chaos", { auth: t.adminAuth, method: "PUT", json: { ocsp: { mode: "off", delayMs: 0 }, linkage: { mode: "off", delayMs: 0 } } });
    expect(await ocspStatus()).toBe("good");
  });

  it("registers a verifier whose secret works once shown, and lists the audit log newest first", async () => {
    const created = await t.call("/admin/api/verifiers", { auth: t.adminAuth, json: { name: "もうひとつの銀行 / Another Bank", id: "another-bank", scopes: ["linkage:user-auth"] } });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const linkage = await t.call(`/linkage/v1/signing-certificates/${hanako.sSerial}/user-auth-certificate`, { auth: basic("another-bank", secret) });
    expect(linkage.status).not.toBe(401);
    const audit = (await (await t.call("/admin/api/audit?limit=3", { auth: t.adminAuth })).json()) as { events: { id: string; action: string; actorId: string; outcome: string }[] };
    expect(audit.events).toHaveLength(3);
    expect(Number(audit.events[0]?.id)).toBeGreaterThan(Number(audit.events[1]?.id));
    // Newest first: the linkage call, then the verifier's registration; the console's own reads are not logged.
    expect(audit.events[0]).toMatchObject({ actorId: "another-bank", outcome: "ok" });
    expect(audit.events[1]).toMatchObject({ action: "admin POST /admin/api/verifiers", actorId: "admin" });
    expect(audit.events.some((e) => e.action.startsWith("admin GET"))).toBe(false);
    const verifiers = (await (await t.call("/admin/api/verifiers", { auth: t.adminAuth })).json()) as { verifiers: { id: string }[] };
    expect(verifiers.verifiers.map((v) => v.id)).toContain("another-bank");
  });

  it("lists CRLs and serves the OpenAPI document", async () => {
    await t.call("/crl/s.crl");
    const crls = (await (await t.call("/admin/api/crls", { auth: t.adminAuth })).json()) as { crls: { kind: string; scope: string; url: string }[] };
    expect(crls.crls).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "S", scope: "full", url: `${t.url}/crl/s.crl` })]));
    const openapi = (await (await t.call("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/v1/residents", "/linkage/v1/attributes", "/admin/api/clock"]));
  });
});
