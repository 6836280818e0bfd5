import { ApiError } from "@jpki-sandbox/web-kit";
import { describe, expect, it } from "vitest";
import { createAdminApi } from "./api";

interface Call {
  url: string;
  method: string | undefined;
  body: unknown;
  contentType: string | undefined;
}

function stub(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      url: String(input),
      method: init?.method,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      contentType: headers["content-type"],
    };
    calls.push(call);
    return respond(call);
  };
  return { calls, api: createAdminApi({ baseUrl: "/admin/api/", fetch: fetchStub }) };
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("createAdminApi", () => {
  it("filters certificates only by what is set", async () => {
    const { calls, api } = stub(() => json({ certificates: [] }));
    await api.certificates();
    await api.certificates({ kind: "S" });
    await api.certificates({ kind: "R", status: "revoked" });
    expect(calls.map((c) => c.url)).toEqual([
      "/admin/api/certificates",
      "/admin/api/certificates?kind=S",
      "/admin/api/certificates?kind=R&status=revoked",
    ]);
  });

  it("revokes with the reason in a JSON body", async () => {
    const { calls, api } = stub(() => json({ serialNumber: "0a1b", status: "revoked" }));
    const updated = await api.revokeCertificate("0a1b", "keyCompromise");
    expect(updated.status).toBe("revoked");
    expect(calls[0]).toEqual({
      url: "/admin/api/certificates/0a1b/revoke",
      method: "POST",
      body: { reason: "keyCompromise" },
      contentType: "application/json",
    });
  });

  it("advances and resets the clock", async () => {
    const { calls, api } = stub(() => json({ now: "2030-01-01T00:00:00.000Z", offsetMs: 1 }));
    await api.advanceClock("P5Y");
    await api.resetClock();
    expect(calls.map((c) => c.body)).toEqual([{ advance: "P5Y" }, { reset: true }]);
  });

  it("saves chaos with PUT and pages the audit log", async () => {
    const { calls, api } = stub((call) => (call.url.includes("audit") ? json({ events: [] }) : json(call.body)));
    const chaos = { ocsp: { mode: "stale" as const, delayMs: 0 }, linkage: { mode: "off" as const, delayMs: 250 } };
    expect(await api.saveChaos(chaos)).toEqual(chaos);
    await api.audit({ limit: 50, before: "e42" });
    expect(calls[0]?.method).toBe("PUT");
    expect(calls[1]?.url).toBe("/admin/api/audit?limit=50&before=e42");
  });

  it("throws the server's problem", async () => {
    const { api } = stub(() =>
      json({ type: "x", title: "certificate already revoked", status: 409, code: "CERTIFICATE_ALREADY_REVOKED" }, 409, "application/problem+json"),
    );
    const error = await api.revokeCertificate("01", "superseded").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.code).toBe("CERTIFICATE_ALREADY_REVOKED");
  });

  it("turns a dropped connection and a non-JSON body into problems", async () => {
    const down = createAdminApi({
      baseUrl: "/admin/api",
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });
    await expect(down.overview()).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR" } });
    const { api } = stub(() => new Response("<!doctype html>", { status: 200, headers: { "content-type": "text/html" } }));
    await expect(api.overview()).rejects.toMatchObject({ problem: { code: "UNEXPECTED_RESPONSE" } });
  });

  it("names jlis when it cannot be reached", async () => {
    const down = createAdminApi({ baseUrl: "/admin/api", fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
    await expect(down.overview()).rejects.toMatchObject({ problem: { title: "jlis に接続できません / Cannot reach jlis", detail: "Failed to fetch" } });
  });

  it("tells the operator to sign in again on a bare 401", async () => {
    const { api } = stub(() => new Response("Unauthorized", { status: 401, headers: { "content-type": "text/plain" } }));
    const error = (await api.overview().catch((e: unknown) => e)) as ApiError;
    expect(error.problem.code).toBe("HTTP_401");
    expect(error.problem.detail).toContain("sign in");
  });
});
