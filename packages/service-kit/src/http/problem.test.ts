/** Problems and the Express handlers that write them, against a small app on port 0. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { JpkiError } from "@jpki-sandbox/jpki-core";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ServiceError } from "../errors.js";
import { problemHandlers } from "./problem-handlers.js";
import { PROBLEM_CONTENT_TYPE, problemFromError, problemOf, sendProblem } from "./problem.js";
import { parseInput } from "./validation.js";

describe("problemOf", () => {
  it("derives the type from the code and the title from the table or the code in words", () => {
    expect(problemOf("UNAUTHENTICATED", 401)).toEqual({
      type: "https://jpki-sandbox.invalid/problems/unauthenticated",
      title: "Authentication required",
      status: 401,
      code: "UNAUTHENTICATED",
    });
    expect(problemOf("CARD_NOT_ACTIVE", 409, "card c-1 is suspended", { cardId: "c-1" })).toEqual({
      type: "https://jpki-sandbox.invalid/problems/card-not-active",
      title: "card not active",
      status: 409,
      code: "CARD_NOT_ACTIVE",
      detail: "card c-1 is suspended",
      cardId: "c-1",
    });
  });
});

describe("problemFromError", () => {
  it("keeps a ServiceError's code, status, message and details", () => {
    const error = new ServiceError("KEY_REUSED", 409, "that key was used before", { details: { serial: "0A" } });
    expect(problemFromError(error)).toMatchObject({ code: "KEY_REUSED", status: 409, detail: "that key was used before", serial: "0A" });
  });

  it("makes a JpkiError a BAD_REQUEST carrying jpkiCode", () => {
    const problem = problemFromError(new JpkiError("CERTIFICATE_MALFORMED", "not DER"));
    expect(problem).toMatchObject({ code: "BAD_REQUEST", status: 400, jpkiCode: "CERTIFICATE_MALFORMED" });
  });

  it("hides anything else behind INTERNAL 500, naming the service's log", () => {
    const problem = problemFromError(new Error("password=hunter2 at /secret/path"), { service: "portal" });
    expect(problem).toMatchObject({ code: "INTERNAL", status: 500, detail: "an unexpected error occurred; see the portal log" });
    expect(JSON.stringify(problem)).not.toContain("hunter2");
  });
});

describe("parseInput", () => {
  const schema = z.object({ name: z.string().min(1), age: z.number().int() });

  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "Hanako", age: 30 })).toEqual({ name: "Hanako", age: 30 });
  });

  it("throws VALIDATION_FAILED (400) listing every issue under `where`", () => {
    let error: unknown;
    try {
      parseInput(schema, { name: "", age: "x" }, "query");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    const serviceError = error as ServiceError;
    expect(serviceError.code).toBe("VALIDATION_FAILED");
    expect(serviceError.status).toBe(400);
    const issues = serviceError.details?.issues as { path: string }[];
    expect(issues.map((issue) => issue.path)).toEqual(["query.name", "query.age"]);
    expect(serviceError.message).toMatch(/^query\.name: .+; query\.age: .+$/);
  });
});

describe("problemHandlers and sendProblem over HTTP", () => {
  let server: Server;
  let base: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      (req as unknown as { log: { error(obj: object, msg: string): void } }).log = { error: (obj) => logged.push(obj) };
      next();
    });
    app.use(express.json({ limit: "1kb" }));
    app.post("/echo", (req, res) => {
      res.json(parseInput(z.object({ name: z.string() }), req.body));
    });
    app.get("/conflict", () => {
      throw new ServiceError("CONFLICT", 409, "already there");
    });
    app.get("/boom", () => {
      throw new Error("internal detail");
    });
    app.get("/bare", (_req, res) => {
      sendProblem(res, problemOf("NOT_FOUND", 404, "no such thing"), { "cache-control": "no-store" });
    });
    const { notFound, errors } = problemHandlers({ notFoundHint: "see /openapi.json", service: "kit-test" });
    app.use(notFound, errors);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function problemAt(path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
    const response = await fetch(base + path, init);
    return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as Record<string, unknown> };
  }

  const postJson = (body: string, headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

  it("answers unknown routes with NOT_FOUND and the hint, instance = the URL", async () => {
    const { status, type, body } = await problemAt("/nowhere?x=1");
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ code: "NOT_FOUND", detail: "no endpoint GET /nowhere; see /openapi.json", instance: "/nowhere?x=1" });
  });

  it("writes a ServiceError as its problem", async () => {
    expect(await problemAt("/conflict")).toMatchObject({ status: 409, body: { code: "CONFLICT", detail: "already there", instance: "/conflict" } });
  });

  it("writes VALIDATION_FAILED with the issues", async () => {
    const { status, body } = await problemAt("/echo", postJson('{"name":1}'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "body.name" }] });
  });

  it("maps body-parser's errors: bad JSON 400, too large 413, unknown charset 415", async () => {
    expect((await problemAt("/echo", postJson("{nope"))).body).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect((await problemAt("/echo", postJson(JSON.stringify({ name: "x".repeat(2_000) })))).body).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    const charset = await problemAt("/echo", postJson('{"name":"x"}', { "content-type": "application/json; charset=klingon" }));
    expect(charset).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it("hides an unexpected error behind INTERNAL and logs it with req.log", async () => {
    const before = logged.length;
    const { status, body } = await problemAt("/boom");
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: "INTERNAL", detail: "an unexpected error occurred; see the kit-test log" });
    expect(JSON.stringify(body)).not.toContain("internal detail");
    expect(logged.length).toBe(before + 1);
  });

  it("sendProblem writes a problem on a bare response with extra headers", async () => {
    const response = await fetch(`${base}/bare`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND", detail: "no such thing" });
  });
});
