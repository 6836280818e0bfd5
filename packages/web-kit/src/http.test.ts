import { describe, expect, it } from "vitest";
import { requestJson, type Fetch } from "./http.js";
import { ApiError } from "./problem.js";

const TEXTS = { unreachable: "jlis に接続できません / Cannot reach jlis", clientError: "x", unauthorized: "sign in as admin" };

function recorder(response: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const doFetch: Fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    return response();
  };
  return { calls, doFetch };
}

describe("requestJson", () => {
  it("sends JSON with the accept header, same-origin credentials and any extra header", async () => {
    const { calls, doFetch } = recorder(() => new Response('{"ok":true}', { status: 201 }));
    expect(await requestJson(doFetch, "/api/x", { method: "POST", body: { a: 1 }, headers: { "x-csrf-token": "t1" } }, TEXTS)).toEqual({ ok: true });
    expect(calls[0]?.init).toMatchObject({
      method: "POST",
      credentials: "same-origin",
      body: '{"a":1}',
      headers: { accept: "application/json, application/problem+json", "content-type": "application/json", "x-csrf-token": "t1" },
    });
  });

  it("sends no body and no content type for a GET", async () => {
    const { calls, doFetch } = recorder(() => new Response("[]"));
    await requestJson(doFetch, "/api/x", { method: "GET" }, TEXTS);
    expect(calls[0]?.init?.body).toBeUndefined();
    expect(calls[0]?.init?.headers).toEqual({ accept: "application/json, application/problem+json" });
  });

  it("throws the server's problem, with the UI's texts where it made one up", async () => {
    const problem = { type: "x", title: "pin incorrect", status: 403, code: "PIN_INCORRECT", triesLeft: 2 };
    const failing = recorder(() => new Response(JSON.stringify(problem), { status: 403, headers: { "content-type": "application/problem+json" } }));
    const error = await requestJson(failing.doFetch, "/api/x", { method: "GET" }, TEXTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 2 });

    const bare401 = recorder(() => new Response("Unauthorized", { status: 401 }));
    await expect(requestJson(bare401.doFetch, "/api/x", { method: "GET" }, TEXTS)).rejects.toMatchObject({ problem: { detail: "sign in as admin" } });
  });

  it("turns a dropped connection and a non-JSON success into problems, and lets an abort through", async () => {
    const down: Fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    await expect(requestJson(down, "/api/x", { method: "GET" }, TEXTS)).rejects.toMatchObject({
      problem: { code: "NETWORK_ERROR", title: TEXTS.unreachable, detail: "Failed to fetch" },
    });
    const html = recorder(() => new Response("<!doctype html>", { status: 200, headers: { "content-type": "text/html" } }));
    await expect(requestJson(html.doFetch, "/api/x", { method: "GET" }, TEXTS)).rejects.toMatchObject({ problem: { code: "UNEXPECTED_RESPONSE" } });
    const aborted: Fetch = () => Promise.reject(new DOMException("The operation was aborted.", "AbortError"));
    await expect(requestJson(aborted, "/api/x", { method: "GET" }, TEXTS)).rejects.toMatchObject({ name: "AbortError" });
  });

  it("takes a 204 No Content with an empty body as undefined, but not a 200 with one", async () => {
    const noContent = recorder(() => new Response(null, { status: 204 }));
    await expect(requestJson<void>(noContent.doFetch, "/api/logout", { method: "POST", body: {} }, TEXTS)).resolves.toBeUndefined();
    const emptyOk = recorder(() => new Response("", { status: 200 }));
    await expect(requestJson(emptyOk.doFetch, "/api/x", { method: "GET" }, TEXTS)).rejects.toMatchObject({ problem: { code: "UNEXPECTED_RESPONSE" } });
  });
});
