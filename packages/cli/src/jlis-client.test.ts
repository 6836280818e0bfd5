/** The jlis client with a scripted fetch: auth, problem+json, unreachable servers. No server needed. */
import { describe, expect, it } from "vitest";
import { readCliEnv } from "./env.js";
import { CliError } from "./io.js";
import { JlisClient, networkErrorCode, resolveJlisUrl } from "./jlis-client.js";
import { CliProblemError } from "./service-client.js";

interface Seen {
  url: string;
  init: RequestInit;
}

function scripted(answer: () => Response | Promise<Response>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { fetch: fake, seen };
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json; charset=utf-8" } });

async function errorOf(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("resolveJlisUrl", () => {
  it("takes --jlis, else JPKI_JLIS_URL, else the default, without a trailing slash", () => {
    expect(resolveJlisUrl(undefined, readCliEnv({}))).toBe("http://127.0.0.1:4010");
    expect(resolveJlisUrl(undefined, readCliEnv({ JPKI_JLIS_URL: "http://jlis:4010/" }))).toBe("http://jlis:4010");
    expect(resolveJlisUrl("https://example.test/base/", readCliEnv({ JPKI_JLIS_URL: "http://jlis:4010" }))).toBe("https://example.test/base");
  });

  it.each([["not a url"], ["ftp://jlis"]])("refuses %s (BAD_INPUT)", async (value) => {
    expect((await errorOf(Promise.resolve().then(() => resolveJlisUrl(value, readCliEnv({}))))).code).toBe("BAD_INPUT");
  });
});

describe("JlisClient", () => {
  it("sends JSON with HTTP Basic auth and parses the JSON answer", async () => {
    const { fetch, seen } = scripted(() => Response.json({ ok: true }, { status: 201 }));
    const client = new JlisClient({ baseUrl: "http://jlis.test/", fetch });
    const answer = await client.postJson("/api/v1/residents", { name: "x" }, { user: "dev-counter", password: "s3cret:with-colon", source: "flags" });
    expect(answer).toEqual({ ok: true });
    expect(seen[0]!.url).toBe("http://jlis.test/api/v1/residents");
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from("dev-counter:s3cret:with-colon").toString("base64")}`);
    expect(headers["content-type"]).toBe("application/json");
    expect(seen[0]!.init.body).toBe('{"name":"x"}');
  });

  it("turns an RFC 9457 problem into `<detail> (<code>)` (JLIS_PROBLEM)", async () => {
    const { fetch } = scripted(() => problem(409, { title: "conflict", status: 409, code: "CERTIFICATE_ALREADY_REVOKED", detail: "already revoked" }));
    const error = await errorOf(new JlisClient({ baseUrl: "http://jlis.test", fetch }).getJson("/x"));
    expect(error).toBeInstanceOf(CliProblemError);
    expect(error.code).toBe("JLIS_PROBLEM");
    expect(error.message).toBe("already revoked (CERTIFICATE_ALREADY_REVOKED)");
    expect(error as CliProblemError).toMatchObject({ service: "jlis", status: 409, problem: { code: "CERTIFICATE_ALREADY_REVOKED" } });
  });

  it("uses the title when a problem has no detail, and names the status when there is no problem at all", async () => {
    const titled = scripted(() => problem(401, { title: "Authentication required", status: 401, code: "UNAUTHENTICATED" }));
    expect((await errorOf(new JlisClient({ baseUrl: "http://jlis.test", fetch: titled.fetch }).getJson("/x"))).message).toBe(
      "Authentication required (UNAUTHENTICATED)",
    );
    const html = scripted(() => new Response("<h1>bad gateway</h1>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } }));
    const error = await errorOf(new JlisClient({ baseUrl: "http://jlis.test", fetch: html.fetch }).getJson("/x"));
    expect(error.code).toBe("JLIS_PROBLEM");
    expect(error.message).toBe("GET http://jlis.test/x answered HTTP 502 Bad Gateway");
  });

  it("reports an answer that is not JSON as JLIS_BAD_RESPONSE", async () => {
    const { fetch } = scripted(() => new Response("<html>", { status: 200 }));
    expect((await errorOf(new JlisClient({ baseUrl: "http://jlis.test", fetch }).getJson("/clock"))).code).toBe("JLIS_BAD_RESPONSE");
  });

  it("says jlis is not reachable, with the system error and how to start it (JLIS_UNREACHABLE)", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:4010"), { code: "ECONNREFUSED" })]),
    });
    const { fetch } = scripted(() => Promise.reject(refused));
    const error = await errorOf(new JlisClient({ baseUrl: "http://localhost:4010", fetch }).getJson("/clock"));
    expect(error.code).toBe("JLIS_UNREACHABLE");
    expect(error.message).toMatch(/^jlis is not reachable at http:\/\/localhost:4010 \(ECONNREFUSED\): start it with `npm start`/);
  });

  it("names another host (a certificate's AIA URL) by its own URL", async () => {
    const { fetch } = scripted(() => Promise.reject(new TypeError("fetch failed")));
    const client = new JlisClient({ baseUrl: "http://127.0.0.1:4010", fetch });
    const error = await errorOf(client.postBytes("http://elsewhere.test/ocsp/s", new Uint8Array([0x30, 0]), "application/ocsp-request", "application/ocsp-response"));
    expect(error.message).toMatch(/^http:\/\/elsewhere\.test\/ocsp\/s is not reachable/);
  });

  it("reports a timeout as unreachable", async () => {
    const { fetch } = scripted(() => Promise.reject(new DOMException("timed out", "TimeoutError")));
    const error = await errorOf(new JlisClient({ baseUrl: "http://jlis.test", fetch, timeoutMs: 2_000 }).getJson("/clock"));
    expect(error.code).toBe("JLIS_UNREACHABLE");
    expect(error.message).toContain("no answer within 2 s");
  });
});

describe("networkErrorCode", () => {
  it("finds the system error code in undici's causes", () => {
    expect(networkErrorCode(Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } }))).toBe("ENOTFOUND");
    expect(networkErrorCode(new TypeError("fetch failed"))).toBeUndefined();
    expect(networkErrorCode({ code: "UND_ERR_SOCKET", cause: { code: "ECONNRESET" } })).toBe("ECONNRESET");
  });
});
