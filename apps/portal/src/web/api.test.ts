import { ApiError } from "@jpki-sandbox/web-kit";
import { describe, expect, it } from "vitest";
import { CSRF_INVALID, createPortalApi } from "./api";

interface Call {
  url: string;
  method: string | undefined;
  body: unknown;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json({ type: `https://jpki-sandbox.invalid/problems/${code}`, title: code.toLowerCase(), status, code, ...extra }, status, "application/problem+json");

function stub(respond: (call: Call, calls: Call[]) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
      credentials: init?.credentials,
    };
    calls.push(call);
    return respond(call, calls);
  };
  return { calls, api: createPortalApi({ baseUrl: "/api/", fetch: fetchStub }) };
}

let tokens = 0;
const session = () => json({ csrfToken: `t${++tokens}`, jlisUrl: "http://localhost:4010", sandboxNow: "2026-11-24T00:00:00Z" });

describe("createPortalApi", () => {
  it("fetches the session once and sends its token on every POST", async () => {
    tokens = 0;
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : json({ card: { id: "c1" } }, 201)));
    await Promise.all([api.session(), api.issueCard({ persona: {} as never, userAuthPin: "1234", signingPin: "ABC123" })]);
    await api.reportLoss("c1");
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /api/session",
      "POST /api/counter/cards",
      "POST /api/counter/cards/c1/loss",
    ]);
    expect(calls[1]?.headers["x-csrf-token"]).toBe("t1");
    expect(calls[1]?.headers["content-type"]).toBe("application/json");
    expect(calls[1]?.body).toEqual({ persona: {}, userAuthPin: "1234", signingPin: "ABC123" });
    expect(calls[2]?.body).toEqual({});
    expect(calls.every((c) => c.credentials === "same-origin")).toBe(true);
  });

  it("GETs carry no token and encode ids", async () => {
    const { calls, api } = stub(() => json({ entries: [] }));
    await api.apduLog("a/b");
    expect(calls[0]).toMatchObject({ url: "/api/cards/a%2Fb/apdu-log", method: "GET", body: undefined });
    expect(calls[0]?.headers["x-csrf-token"]).toBeUndefined();
  });

  it("refetches the session once on CSRF_INVALID and retries", async () => {
    tokens = 0;
    const { calls, api } = stub((call) => {
      if (call.url === "/api/session") return session();
      return call.headers["x-csrf-token"] === "t2" ? json({ redirectTo: "https://bank.example/cb?code=x" }) : problem(403, CSRF_INVALID);
    });
    await expect(api.approve("ap1", { cardId: "c1", pin: "1234" })).resolves.toEqual({ redirectTo: "https://bank.example/cb?code=x" });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers["x-csrf-token"] ?? ""}`)).toEqual([
      "GET /api/session ",
      "POST /api/approvals/ap1/approve t1",
      "GET /api/session ",
      "POST /api/approvals/ap1/approve t2",
    ]);
  });

  it("gives up after one CSRF retry", async () => {
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : problem(403, CSRF_INVALID)));
    const error = await api.cancelApproval("ap1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.code).toBe(CSRF_INVALID);
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("throws the server's problem with its extensions, without retrying", async () => {
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : problem(403, "PIN_INCORRECT", { triesLeft: 2 })));
    const error = await api.approve("ap1", { cardId: "c1", pin: "0000" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ code: "PIN_INCORRECT", status: 403, triesLeft: 2 });
    expect(calls).toHaveLength(2);
  });

  it("tries the session again after it failed", async () => {
    let up = false;
    const { api } = stub((call) => (call.url === "/api/session" && up ? session() : new Response("down", { status: 503 })));
    await expect(api.session()).rejects.toMatchObject({ problem: { code: "HTTP_503" } });
    up = true;
    await expect(api.session()).resolves.toMatchObject({ jlisUrl: "http://localhost:4010" });
  });

  it("turns a dropped connection and a non-JSON body into problems", async () => {
    const down = createPortalApi({ baseUrl: "/api", fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
    await expect(down.cards()).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR" } });
    const { api } = stub(() => new Response("<!doctype html>", { status: 200, headers: { "content-type": "text/html" } }));
    await expect(api.personas()).rejects.toMatchObject({ problem: { code: "UNEXPECTED_RESPONSE" } });
  });

  it("lets an abort through as it is", async () => {
    const aborting = createPortalApi({ baseUrl: "/api", fetch: () => Promise.reject(new DOMException("aborted", "AbortError")) });
    await expect(aborting.card("c1", new AbortController().signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});
