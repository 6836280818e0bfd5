import { describe, expect, it } from "vitest";
import { ApiError } from "./problem.js";
import { CSRF_INVALID, createSessionClient } from "./session-client.js";

interface Call {
  url: string;
  method: string | undefined;
  body: unknown;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
}

interface Session {
  csrfToken: string;
  sandboxNow: string;
}

const TEXTS = { unreachable: "銀行に接続できません / Cannot reach the bank", clientError: "画面のエラー / Page error" };

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
  return { calls, client: createSessionClient<Session>({ baseUrl: "/api/", fetch: fetchStub, texts: TEXTS }) };
}

let tokens = 0;
const session = () => json({ csrfToken: `t${++tokens}`, sandboxNow: "2026-11-24T00:00:00Z" });

describe("createSessionClient", () => {
  it("fetches the session once and sends its token on every POST", async () => {
    tokens = 0;
    const { calls, client } = stub((call) => (call.url === "/api/session" ? session() : json({ ok: true }, 201)));
    await Promise.all([client.session(), client.post("/things", { a: 1 })]);
    await client.post("/things/t1/loss");
    await client.post("/other", {});
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers["x-csrf-token"] ?? ""}`)).toEqual([
      "GET /api/session ",
      "POST /api/things t1",
      "POST /api/things/t1/loss t1",
      "POST /api/other t1",
    ]);
    expect(calls[1]?.body).toEqual({ a: 1 });
    expect(calls[1]?.headers["content-type"]).toBe("application/json");
    expect(calls[2]?.body).toEqual({});
    expect(calls.every((c) => c.credentials === "same-origin")).toBe(true);
  });

  it("GETs carry no token and no body, and never fetch the session", async () => {
    const { calls, client } = stub(() => json({ entries: [] }));
    await expect(client.get("/cards/a%2Fb/apdu-log")).resolves.toEqual({ entries: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: "/api/cards/a%2Fb/apdu-log", method: "GET", body: undefined });
    expect(calls[0]?.headers["x-csrf-token"]).toBeUndefined();
  });

  it("takes a 204 with no body as undefined", async () => {
    const { calls, client } = stub((call) => (call.url === "/api/session" ? session() : new Response(null, { status: 204 })));
    await expect(client.post<void>("/logout")).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(["GET /api/session", "POST /api/logout"]);
  });

  it("still reports a failed POST that would have answered 204", async () => {
    const { client } = stub((call) => (call.url === "/api/session" ? session() : problem(500, "INTERNAL")));
    await expect(client.post<void>("/logout")).rejects.toMatchObject({ problem: { code: "INTERNAL", status: 500 } });
  });

  it("refetches the session once on CSRF_INVALID and retries", async () => {
    tokens = 0;
    const { calls, client } = stub((call) => {
      if (call.url === "/api/session") return session();
      return call.headers["x-csrf-token"] === "t2" ? json({ redirectTo: "https://bank.example/cb?code=x" }) : problem(403, CSRF_INVALID);
    });
    await expect(client.post("/approvals/ap1/approve", { pin: "1234" })).resolves.toEqual({ redirectTo: "https://bank.example/cb?code=x" });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers["x-csrf-token"] ?? ""}`)).toEqual([
      "GET /api/session ",
      "POST /api/approvals/ap1/approve t1",
      "GET /api/session ",
      "POST /api/approvals/ap1/approve t2",
    ]);
    await expect(client.session()).resolves.toMatchObject({ csrfToken: "t2" });
  });

  it("gives up after one CSRF retry", async () => {
    const { calls, client } = stub((call) => (call.url === "/api/session" ? session() : problem(403, CSRF_INVALID)));
    const error = await client.post("/approvals/ap1/cancel").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.code).toBe(CSRF_INVALID);
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("throws the server's problem with its extensions, without retrying", async () => {
    const { calls, client } = stub((call) =>
      call.url === "/api/session" ? session() : problem(400, "VALIDATION_FAILED", { issues: [{ path: "body.name", message: "bad" }], triesLeft: 2 }),
    );
    const error = await client.post("/applications", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ code: "VALIDATION_FAILED", status: 400, triesLeft: 2, issues: [{ path: "body.name" }] });
    expect(calls).toHaveLength(2);
  });

  it("tries the session again after it failed", async () => {
    let up = false;
    const { client } = stub((call) => (call.url === "/api/session" && up ? session() : new Response("down", { status: 503 })));
    await expect(client.session()).rejects.toMatchObject({ problem: { code: "HTTP_503" } });
    up = true;
    await expect(client.session()).resolves.toMatchObject({ sandboxNow: "2026-11-24T00:00:00Z" });
  });

  it("turns a dropped connection into NETWORK_ERROR in the UI's words, and a non-JSON body into a problem", async () => {
    const down = createSessionClient<Session>({ baseUrl: "/api", fetch: () => Promise.reject(new TypeError("Failed to fetch")), texts: TEXTS });
    await expect(down.get("/journeys/j1")).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR", title: expect.stringMatching(/bank/) } });
    const { client } = stub(() => new Response("<!doctype html>", { status: 200, headers: { "content-type": "text/html" } }));
    await expect(client.get("/personas")).rejects.toMatchObject({ problem: { code: "UNEXPECTED_RESPONSE" } });
  });

  it("lets an abort through as it is", async () => {
    const aborting = createSessionClient<Session>({ baseUrl: "/api", fetch: () => Promise.reject(new DOMException("aborted", "AbortError")), texts: TEXTS });
    await expect(aborting.get("/cards/c1", new AbortController().signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});
