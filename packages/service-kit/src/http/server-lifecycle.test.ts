import { createServer } from "node:http";
import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { requestLogger } from "./request-logger.js";
import { baseUrlOf, closeServer, listen } from "./server-lifecycle.js";

describe("listen / closeServer", () => {
  it("binds port 0 to a free port, serves, and closes even with a keep-alive connection open", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    const port = await listen(server, 0, "127.0.0.1");
    expect(port).toBeGreaterThan(0);
    const url = baseUrlOf("127.0.0.1", port);
    expect(await (await fetch(url)).text()).toBe("ok");
    await closeServer(server);
    expect(server.listening).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
    await closeServer(server); // a second close is a no-op
  });

  it("rejects when the port is taken", async () => {
    const first = createServer();
    const port = await listen(first, 0, "127.0.0.1");
    try {
      await expect(listen(createServer(), port, "127.0.0.1")).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await closeServer(first);
    }
  });

  it("names a wildcard bind localhost", () => {
    expect(baseUrlOf("0.0.0.0", 4030)).toBe("http://localhost:4030");
    expect(baseUrlOf("::", 4030)).toBe("http://localhost:4030");
    expect(baseUrlOf("127.0.0.1", 4010)).toBe("http://127.0.0.1:4010");
  });
});

describe("requestLogger", () => {
  it("logs each request with credentials, cookies and CSRF tokens redacted", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const app = express();
    app.use(requestLogger(pino({ level: "debug" }, sink)));
    app.get("/denied", (_req, res) => {
      res.cookie("session", "cookie-value-123").status(401).end();
    });
    const server = createServer(app);
    const url = baseUrlOf("127.0.0.1", await listen(server, 0, "127.0.0.1"));
    try {
      await fetch(`${url}/denied`, { headers: { authorization: "Basic c2VjcmV0LXVzZXI6c2VjcmV0LXB3", cookie: "portal_session=abc123", "x-csrf-token": "csrf-token-456" } });
    } finally {
      await closeServer(server);
    }
    const log = lines.join("");
    const entry = JSON.parse(lines.find((line) => line.includes("/denied")) as string) as { level: number; res: { statusCode: number } };
    expect(entry.level).toBe(40); // warn, for a 4xx
    expect(entry.res.statusCode).toBe(401);
    for (const secret of ["c2VjcmV0LXVzZXI6c2VjcmV0LXB3", "abc123", "csrf-token-456", "cookie-value-123"]) expect(log).not.toContain(secret);
    expect(log).toContain("[Redacted]");
  });
});
