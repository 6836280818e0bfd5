/** The portal's endpoint list; the session/CSRF client under it is web-kit's createSessionClient (tested there). */
import { describe, expect, it } from "vitest";
import { createPortalApi } from "./api";

interface Call {
  url: string;
  method: string | undefined;
  body: unknown;
  headers: Record<string, string>;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

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
  return { calls, api: createPortalApi({ baseUrl: "/api/", fetch: fetchStub }) };
}

const session = () => json({ csrfToken: "t1", jlisUrl: "http://localhost:4010", sandboxNow: "2026-11-24T00:00:00Z" });

describe("createPortalApi", () => {
  it("POSTs each counter and approval action to its path with the session's token", async () => {
    const { calls, api } = stub((call) => (call.url === "/api/session" ? session() : json({ card: { id: "c1" } }, 201)));
    await api.issueCard({ persona: {} as never, userAuthPin: "1234", signingPin: "ABC123" });
    await api.changeAddress("c/1", {} as never);
    await api.changeName("c1", {} as never);
    await api.reportLoss("c1");
    await api.renewCard("c1", {} as never);
    await api.resetPin("c1", {} as never);
    await api.approve("ap1", { cardId: "c1", pin: "1234" });
    await api.cancelApproval("ap 1");
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers["x-csrf-token"] ?? ""}`)).toEqual([
      "GET /api/session ",
      "POST /api/counter/cards t1",
      "POST /api/counter/cards/c%2F1/address-change t1",
      "POST /api/counter/cards/c1/name-change t1",
      "POST /api/counter/cards/c1/loss t1",
      "POST /api/counter/cards/c1/renewal t1",
      "POST /api/counter/cards/c1/pin-reset t1",
      "POST /api/approvals/ap1/approve t1",
      "POST /api/approvals/ap%201/cancel t1",
    ]);
    expect(calls[1]?.body).toEqual({ persona: {}, userAuthPin: "1234", signingPin: "ABC123" });
    expect(calls[4]?.body).toEqual({});
  });

  it("GETs each view from its path and encodes ids", async () => {
    const { calls, api } = stub(() => json({}));
    await api.personas();
    await api.randomPersona();
    await api.cards();
    await api.card("a/b");
    await api.cardStatus("c1");
    await api.apduLog("a/b");
    await api.approval("ap1");
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /api/personas",
      "GET /api/personas/random",
      "GET /api/cards",
      "GET /api/cards/a%2Fb",
      "GET /api/cards/c1/status",
      "GET /api/cards/a%2Fb/apdu-log",
      "GET /api/approvals/ap1",
    ]);
  });

  it("turns a dropped connection into NETWORK_ERROR naming the portal", async () => {
    const down = createPortalApi({ baseUrl: "/api", fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
    await expect(down.cards()).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR", title: expect.stringMatching(/portal/) } });
  });
});
