import { createServer } from "node:http";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrlOf, closeServer, listen } from "./server-lifecycle.js";
import { createServiceApp } from "./service-app.js";

const server = createServer();
afterAll(() => closeServer(server));

describe("createServiceApp", () => {
  it("answers /healthz and /openapi.json, parses JSON and cookies, and tells nothing about itself", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }));
    let served = 0;
    const app = createServiceApp({ logger, jsonLimit: "1kb", cookies: true, openApi: () => ({ openapi: "3.1.0", served: ++served }) });
    app.post("/echo", (req, res) => res.json({ body: req.body as unknown, cookies: req.cookies as unknown }));
    server.on("request", app);
    const url = baseUrlOf("127.0.0.1", await listen(server, 0, "127.0.0.1"));

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers.get("x-powered-by")).toBeNull();
    expect(health.headers.get("etag")).toBeNull();
    expect(await (await fetch(`${url}/openapi.json`)).json()).toEqual({ openapi: "3.1.0", served: 1 });
    expect(await (await fetch(`${url}/openapi.json`)).json()).toMatchObject({ served: 2 });

    const echo = await fetch(`${url}/echo`, { method: "POST", headers: { "content-type": "application/json", cookie: "a=1" }, body: JSON.stringify({ x: 1 }) });
    expect(await echo.json()).toEqual({ body: { x: 1 }, cookies: { a: "1" } });
    const tooBig = await fetch(`${url}/echo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ x: "y".repeat(2048) }) });
    expect(tooBig.status).toBe(413);
    expect(lines.length).toBeGreaterThan(0); // requests are logged (what is redacted: request-logger's tests)
  });
});
