/**
 * The Express 5 application: every endpoint except OCSP (which http-server.ts answers before Express).
 * JSON errors are RFC 9457 problem documents; unknown routes too.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServiceApp, problemHandlers } from "@jpki-sandbox/service-kit";
import express from "express";
import type { Logger } from "pino";
import type { Authorities } from "../domain/authorities.js";
import type { Clock } from "../domain/clock.js";
import { SCOPES } from "../domain/credentials.js";
import type { CrlPublisher } from "../domain/crl-publisher.js";
import type { CounterService } from "../domain/issuance/counter-service.js";
import type { LinkageService } from "../domain/linkage.js";
import type { JlisStore } from "../domain/ports.js";
import type { RevocationService } from "../domain/revocation.js";
import type { SandboxControls } from "../domain/sandbox-controls.js";
import { auditTrail } from "./audit.js";
import { requireAdmin, requireClient } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import { adminRoutes, clockRoutes } from "./routes/admin.js";
import { counterRoutes } from "./routes/counter.js";
import { linkageRoutes } from "./routes/linkage.js";
import { publicRoutes } from "./routes/public.js";

export interface ExpressAppDependencies {
  store: JlisStore;
  clock: Clock;
  authorities: Authorities;
  counter: CounterService;
  revocation: RevocationService;
  crls: CrlPublisher;
  linkage: LinkageService;
  controls: SandboxControls;
  adminPassword: string;
  publicUrl: () => string;
  logger: Logger;
  /** The built console (dist/web); absent in tests that did not build it. */
  consoleDir?: string;
}

/** dist/web beside dist/server (or src/server when run from source). */
export const DEFAULT_CONSOLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export function createExpressApp(deps: ExpressAppDependencies): express.Express {
  const { store, clock, logger } = deps;
  const app = createServiceApp({ logger, jsonLimit: "256kb", openApi: () => openApiDocument(deps.publicUrl()) });
  app.use(publicRoutes(deps.authorities, deps.crls, deps.controls));

  app.use(
    "/api/v1",
    auditTrail(store, clock, logger, "counter"),
    requireClient(store, "counter", SCOPES.counter, "jlis municipal counter"),
    counterRoutes(deps.counter, store, clock),
  );
  app.use("/linkage/v1", auditTrail(store, clock, logger, "linkage"), linkageRoutes(deps.linkage, store, deps.controls));

  const admin = requireAdmin(deps.adminPassword);
  app.use(
    "/admin/api",
    auditTrail(store, clock, logger, "admin", { changesOnly: true }),
    admin,
    adminRoutes({ store, clock, revocation: deps.revocation, controls: deps.controls, publicUrl: deps.publicUrl }),
  );
  // DESIGN.md names the clock endpoint POST /admin/clock; the console uses /admin/api/clock. Same handler.
  const adminClock = express.Router();
  adminClock.use("/clock", auditTrail(store, clock, logger, "admin", { changesOnly: true }), admin);
  adminClock.use(clockRoutes(deps.controls));
  app.use("/admin", adminClock);
  const consoleDir = deps.consoleDir ?? DEFAULT_CONSOLE_DIR;
  app.use("/admin", admin, express.static(consoleDir, { index: "index.html" }));
  app.get(["/admin", "/admin/{*splat}"], admin, (_req, res) => {
    const index = path.join(consoleDir, "index.html");
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type("text/plain").send("The operator console is not built: run `npm run build -w apps/jlis`.");
  });
  app.get("/", (_req, res) => {
    res.redirect("/admin/");
  });

  const problems = problemHandlers({ notFoundHint: "see /openapi.json", service: "jlis" });
  app.use(problems.notFound);
  app.use(problems.errors);
  return app;
}
