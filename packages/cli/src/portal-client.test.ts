/** The portal client with a scripted fetch: the operator call, its answer's shape, problem+json, unreachable. */
import { describe, expect, it } from "vitest";
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { readCliEnv } from "./env.js";
import { CliError } from "./io.js";
import { PortalClient, resolvePortalUrl } from "./portal-client.js";
import { CliProblemError } from "./service-client.js";

function scripted(answer: () => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { fetch: fake, seen };
}

async function errorOf(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
}

const operator = { user: "admin", password: "sandbox-admin", source: "default" };
const issued = {
  residentId: "resident-1",
  cardId: "card-1",
  sSerial: null,
  rSerial: "0a",
  sCertificate: null,
  rCertificate: "-----BEGIN CERTIFICATE-----",
  expiresAt: "2036-01-01T00:00:00.000Z",
};

describe("resolvePortalUrl", () => {
  it("takes --portal, else JPKI_PORTAL_URL, else http://127.0.0.1:4030, without a trailing slash", () => {
    expect(resolvePortalUrl(undefined, readCliEnv({}))).toBe("http://127.0.0.1:4030");
    expect(resolvePortalUrl(undefined, readCliEnv({ JPKI_PORTAL_URL: "http://portal:4030/" }))).toBe("http://portal:4030");
    expect(resolvePortalUrl("https://example.test/p/", readCliEnv({ JPKI_PORTAL_URL: "http://portal:4030" }))).toBe("https://example.test/p");
  });

  it("refuses what is not an http(s) URL, naming where it came from (BAD_INPUT)", async () => {
    const fromFlag = await errorOf(Promise.resolve().then(() => resolvePortalUrl("portal:4030", readCliEnv({}))));
    expect(fromFlag.code).toBe("BAD_INPUT");
    expect(fromFlag.message).toMatch(/^--portal /);
    const fromEnv = await errorOf(Promise.resolve().then(() => resolvePortalUrl(undefined, readCliEnv({ JPKI_PORTAL_URL: "not a url" }))));
    expect(fromEnv.message).toMatch(/^JPKI_PORTAL_URL /);
  });
});

describe("PortalClient", () => {
  it("POSTs the citizen to /api/v1/counter/citizens as the operator and returns the issued card", async () => {
    const { fetch, seen } = scripted(() => Response.json(issued, { status: 201 }));
    const client = new PortalClient({ baseUrl: "http://portal.test/", fetch });
    expect(await client.createCitizen({ persona: HANAKO, userAuthPin: "1234" }, operator)).toEqual(issued);
    expect(seen[0]!.url).toBe("http://portal.test/api/v1/counter/citizens");
    expect(seen[0]!.init.method).toBe("POST");
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from("admin:sandbox-admin").toString("base64")}`);
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ persona: HANAKO, userAuthPin: "1234" });
  });

  it("names the wallet page of a card", () => {
    expect(new PortalClient({ baseUrl: "http://portal.test" }).walletUrl("a/b")).toBe("http://portal.test/cards/a%2Fb");
  });

  it("turns the portal's problem into `<detail> (<code>)` (PORTAL_PROBLEM)", async () => {
    const { fetch } = scripted(
      () =>
        new Response(JSON.stringify({ title: "Conflict", status: 409, code: "JLIS_REFUSED", detail: "jlis refused the resident" }), {
          status: 409,
          headers: { "content-type": "application/problem+json" },
        }),
    );
    const error = await errorOf(new PortalClient({ baseUrl: "http://portal.test", fetch }).createCitizen({ persona: HANAKO }, operator));
    expect(error).toBeInstanceOf(CliProblemError);
    expect(error).toMatchObject({ code: "PORTAL_PROBLEM", service: "portal", status: 409, problem: { code: "JLIS_REFUSED" } });
    expect(error.message).toBe("jlis refused the resident (JLIS_REFUSED)");
  });

  it("says the portal is not reachable and how to start the sandbox (PORTAL_UNREACHABLE)", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    const { fetch } = scripted(() => Promise.reject(refused));
    const error = await errorOf(new PortalClient({ baseUrl: "http://127.0.0.1:4030", fetch }).createCitizen({ persona: HANAKO }, operator));
    expect(error.code).toBe("PORTAL_UNREACHABLE");
    expect(error.message).toBe(
      "portal is not reachable at http://127.0.0.1:4030 (ECONNREFUSED): start the sandbox with `npm start` at the repository root, or point --portal / JPKI_PORTAL_URL at a running portal",
    );
  });

  it.each([
    ["not JSON", () => new Response("<html>", { status: 201 })],
    ["JSON without the card", () => Response.json({ cardId: "card-1" }, { status: 201 })],
    ["an S serial of the wrong type", () => Response.json({ ...issued, sSerial: 10 }, { status: 201 })],
  ])("refuses an answer that is %s (PORTAL_BAD_RESPONSE)", async (_what, answer) => {
    const { fetch } = scripted(answer);
    const error = await errorOf(new PortalClient({ baseUrl: "http://portal.test", fetch }).createCitizen({ persona: HANAKO }, operator));
    expect(error.code).toBe("PORTAL_BAD_RESPONSE");
  });
});
