import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import cookieParser from "cookie-parser";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { createCsrfGuard } from "./csrf.js";
import { baseUrlOf, closeServer, listen } from "./server-lifecycle.js";
import { serveWebUi } from "./web-ui.js";

const servers: ReturnType<typeof createServer>[] = [];
afterAll(async () => {
  await Promise.all(servers.map(closeServer));
});

async function serve(app: express.Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  return baseUrlOf("127.0.0.1", await listen(server, 0, "127.0.0.1"));
}

describe("serveWebUi", () => {
  const webDir = mkdtempSync(path.join(tmpdir(), "web-ui-"));
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  it("serves files, index.html for client routes, and leaves API paths to the next handler", async () => {
    writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>ui</title>");
    writeFileSync(path.join(webDir, "app.js"), "console.log(1)");
    const app = express();
    serveWebUi(app, { webDir, apiPaths: /^\/api\//, buildCommand: "npm run build" });
    app.use((_req, res) => res.status(404).send("api 404"));
    const url = await serve(app);
    expect(await (await fetch(`${url}/app.js`)).text()).toBe("console.log(1)");
    expect(await (await fetch(`${url}/journeys/123`)).text()).toContain("<title>ui</title>");
    const api = await fetch(`${url}/api/nothing`);
    expect([api.status, await api.text()]).toEqual([404, "api 404"]);
  });

  it("says how to build the UI when it is missing", async () => {
    const app = express();
    serveWebUi(app, { webDir: path.join(webDir, "missing"), apiPaths: /^\/api\//, buildCommand: "npm run build -w apps/x" });
    const response = await fetch(`${await serve(app)}/anything`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build -w apps/x");
  });
});

describe("createCsrfGuard", () => {
  it("issues a token bound to the session cookie and refuses POSTs without it", async () => {
    const guard = createCsrfGuard({ app: "demo", secretKey: new Uint8Array(32).fill(7), invalid: () => Object.assign(new Error("csrf"), { status: 403 }) });
    const app = express();
    app.use(cookieParser());
    app.get("/session", (req, res) => res.json({ token: guard.issueToken(req, res), session: guard.sessionOf(req) }));
    app.post("/change", guard.protect, (_req, res) => res.send("changed"));
    app.use((error: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(error.status ?? 500).send(error.message));
    const url = await serve(app);

    const session = await fetch(`${url}/session`);
    const { token, session: id } = (await session.json()) as { token: string; session: string };
    const cookies = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(cookies).toContain(`demo_session=${id}`);
    expect(cookies).toContain("demo_csrf=");

    const ok = await fetch(`${url}/change`, { method: "POST", headers: { cookie: cookies, "x-csrf-token": token } });
    expect([ok.status, await ok.text()]).toEqual([200, "changed"]);
    expect((await fetch(`${url}/change`, { method: "POST", headers: { cookie: cookies } })).status).toBe(403);
    const otherSession = cookies.replace(`demo_session=${id}`, "demo_session=someone-else");
    expect((await fetch(`${url}/change`, { method: "POST", headers: { cookie: otherSession, "x-csrf-token": token } })).status).toBe(403);
  });
});
