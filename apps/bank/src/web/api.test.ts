/** The bank's endpoint list; the session/CSRF client under it is web-kit's createSessionClient (tested there). */
import { describe, expect, it } from "vitest";
import { createBankApi } from "./api";
import { HANAKO } from "./lib/application";

interface Call {
  url: string;
  method: string | undefined;
  body: unknown;
  headers: Record<string, string>;
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
const problem = (status: number, code: string) =>
  json({ type: `https://jpki-sandbox.invalid/problems/${code}`, title: code.toLowerCase(), status, code }, status, "application/problem+json");

function stub(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    return respond(call);
  };
  return { calls, api: createBankApi({ baseUrl: "/api/", fetch: fetchStub }) };
}

const session = () =>
  json({ csrfToken: "t1", customer: null, sandboxNow: "2026-11-24T00:00:00Z", portalUrl: "http://localhost:4030", jlisUrl: "http://localhost:4010" });
const started = { journeyId: "j1", approvalUrl: "http://localhost:4030/approve/ap1" };

describe("createBankApi", () => {
  it("POSTs each action to its path with the session's token", async () => {
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : json(started, 201)));
    await api.openAccount(HANAKO);
    await api.startLogin();
    await api.relink("j/1");
    await api.refreshAttributes();
    await api.revalidateNow();
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers["x-csrf-token"] ?? ""}`)).toEqual([
      "GET /api/session ",
      "POST /api/applications t1",
      "POST /api/logins t1",
      "POST /api/journeys/j%2F1/relink t1",
      "POST /api/account/attribute-refresh t1",
      "POST /api/staff/revalidations t1",
    ]);
    expect(calls[1]?.body).toEqual(HANAKO);
    expect(calls[2]?.body).toEqual({});
  });

  it("GETs each view from its path and encodes ids", async () => {
    const { calls, api } = stub(() => json({}));
    await api.journey("a/b");
    await api.staffCustomer("c 1");
    await api.staffJourney("j/2");
    await api.account();
    await api.staffCustomers();
    await api.revalidations();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /api/journeys/a%2Fb",
      "GET /api/staff/customers/c%201",
      "GET /api/staff/journeys/j%2F2",
      "GET /api/account",
      "GET /api/staff/customers",
      "GET /api/staff/revalidations",
    ]);
  });

  it("takes logout's 204 with no body as success", async () => {
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : new Response(null, { status: 204 })));
    await expect(api.logout()).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(["GET /api/session", "POST /api/logout"]);
  });

  it("reads 401 NOT_LOGGED_IN, and a staff 401 without a body in the bank's words", async () => {
    const { api } = stub((call) =>
      call.url === "/api/account" ? problem(401, "NOT_LOGGED_IN") : new Response("", { status: 401, headers: { "www-authenticate": 'Basic realm="staff"' } }),
    );
    await expect(api.account()).rejects.toMatchObject({ problem: { code: "NOT_LOGGED_IN", status: 401 } });
    await expect(api.staffCustomers()).rejects.toMatchObject({ problem: { code: "HTTP_401", status: 401, detail: expect.stringMatching(/staff/) } });
  });

  it("turns a dropped connection into NETWORK_ERROR naming the bank", async () => {
    const down = createBankApi({ baseUrl: "/api", fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
    await expect(down.journey("j1")).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR", title: expect.stringMatching(/bank/) } });
  });
});
