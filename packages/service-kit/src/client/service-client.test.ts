/** ServiceClient against a tiny local server (and a closed port), plus a scripted fetch for timeouts. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkErrorCode, ServiceBadResponseError, ServiceClient, ServiceProblemError, ServiceUnreachableError } from "./service-client.js";

let server: Server;
let base: string;
const seen: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const send = (status: number, type: string, payload: string | Buffer) => {
        res.writeHead(status, { "content-type": type });
        res.end(payload);
      };
      switch (req.url) {
        case "/json":
          return send(200, "application/json", JSON.stringify({ method: req.method, got: body.length > 0 ? JSON.parse(body.toString()) : null }));
        case "/bytes":
          return send(200, "application/octet-stream", req.method === "POST" ? Buffer.from([...body].reverse()) : Buffer.from([1, 2, 3]));
        case "/problem":
          return send(409, "application/problem+json", JSON.stringify({ type: "x", title: "conflict", status: 409, code: "CARD_NOT_ACTIVE", detail: "card c-1 is suspended" }));
        case "/titled":
          return send(401, "application/problem+json", JSON.stringify({ title: "Authentication required", status: 401, code: "UNAUTHENTICATED" }));
        case "/html-error":
          return send(502, "text/html", "<h1>bad gateway</h1>");
        case "/not-json":
          return send(200, "text/html", "<html>");
        default:
          return send(404, "text/plain", "no");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("ServiceClient", () => {
  const client = () => new ServiceClient({ baseUrl: `${base}/`, serviceName: "portal", startHint: "start it with `npm start`" });

  it("strips the trailing slash and resolves paths, leaving absolute URLs alone", () => {
    expect(client().baseUrl).toBe(base);
    expect(client().url("/x")).toBe(`${base}/x`);
    expect(client().url("http://elsewhere.test/ocsp")).toBe("http://elsewhere.test/ocsp");
  });

  it("sends JSON with HTTP Basic auth and parses the JSON answer", async () => {
    const answer = await client().postJson<{ method: string; got: unknown }>("/json", { name: "x" }, { user: "bank", password: "s3cret:with-colon" });
    expect(answer).toEqual({ method: "POST", got: { name: "x" } });
    const request = seen.at(-1)!;
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("bank:s3cret:with-colon").toString("base64")}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.accept).toBe("application/json, application/problem+json");
    expect(await client().getJson("/json")).toEqual({ method: "GET", got: null });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("gets and posts bytes", async () => {
    expect([...(await client().getBytes("/bytes", "application/pkix-cert"))]).toEqual([1, 2, 3]);
    const answer = await client().postBytes(`${base}/bytes`, new Uint8Array([1, 2, 3, 4]), "application/ocsp-request", "application/ocsp-response");
    expect([...answer]).toEqual([4, 3, 2, 1]);
    expect(seen.at(-1)!.headers["content-type"]).toBe("application/ocsp-request");
    expect(seen.at(-1)!.headers.accept).toBe("application/ocsp-response, application/problem+json");
  });

  it("turns a problem+json answer into ServiceProblemError `<detail> (<code>)`", async () => {
    const error = await rejection(client().getJson("/problem"));
    expect(error).toBeInstanceOf(ServiceProblemError);
    const problem = error as ServiceProblemError;
    expect(problem.message).toBe("card c-1 is suspended (CARD_NOT_ACTIVE)");
    expect(problem.status).toBe(409);
    expect(problem.service).toBe("portal");
    expect(problem.problem?.code).toBe("CARD_NOT_ACTIVE");
    expect((await rejection(client().getJson("/titled"))).message).toBe("Authentication required (UNAUTHENTICATED)");
  });

  it("names the status when the error answer is no problem document", async () => {
    const error = await rejection(client().getJson("/html-error"));
    expect(error).toBeInstanceOf(ServiceProblemError);
    expect(error.message).toBe(`GET ${base}/html-error answered HTTP 502 Bad Gateway`);
  });

  it("reports a 2xx answer that is not JSON as ServiceBadResponseError", async () => {
    const error = await rejection(client().getJson("/not-json"));
    expect(error).toBeInstanceOf(ServiceBadResponseError);
    expect(error.message).toBe("portal answered /not-json with something that is not JSON");
  });

  it("says the service is not reachable, with the system error and the start hint", async () => {
    const port = await closedPort();
    const error = await rejection(new ServiceClient({ baseUrl: `http://127.0.0.1:${port}`, serviceName: "portal", startHint: "start it with `npm start`" }).getJson("/x"));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as ServiceUnreachableError).service).toBe("portal");
    expect(error.message).toBe(`portal is not reachable at http://127.0.0.1:${port} (ECONNREFUSED): start it with \`npm start\``);
  });

  it("names another host by its own URL, and leaves out a hint it was not given", async () => {
    const port = await closedPort();
    const error = await rejection(new ServiceClient({ baseUrl: base, serviceName: "jlis" }).postBytes(`http://127.0.0.1:${port}/ocsp`, new Uint8Array([0x30, 0]), "a/b", "c/d"));
    expect(error.message).toBe(`http://127.0.0.1:${port}/ocsp is not reachable (ECONNREFUSED)`);
  });

  it("reports a timeout as unreachable", async () => {
    const fetch = (async () => Promise.reject(new DOMException("timed out", "TimeoutError"))) as typeof globalThis.fetch;
    const error = await rejection(new ServiceClient({ baseUrl: "http://svc.test", serviceName: "bank", fetch, timeoutMs: 2_000 }).getJson("/x"));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect(error.message).toBe("bank is not reachable at http://svc.test: no answer within 2 s");
  });
});

describe("networkErrorCode", () => {
  it("finds the system error code in undici's causes", () => {
    expect(networkErrorCode(Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } }))).toBe("ENOTFOUND");
    expect(networkErrorCode(new TypeError("fetch failed"))).toBeUndefined();
    expect(networkErrorCode({ code: "UND_ERR_SOCKET", cause: { code: "ECONNRESET" } })).toBe("ECONNRESET");
    expect(networkErrorCode(new AggregateError([{ code: "ECONNREFUSED" }]))).toBe("ECONNREFUSED");
  });
});
