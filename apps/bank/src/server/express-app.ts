/**
 * The bank's Express 5 application: the customer API (cookie session + CSRF), the portal's return
 * (/callback), the staff API (HTTP Basic), OpenAPI, and the built web UI for every other GET. Errors are
 * RFC 9457 problems.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServiceApp, problemHandlers, serveWebUi, type CsrfGuard } from "@jpki-sandbox/service-kit";
import type express from "express";
import type { Logger } from "pino";
import type { JourneyService } from "../domain/journeys/journey-service.js";
import type { BankStore, JlisServices } from "../domain/ports.js";
import type { RevalidationService } from "../domain/revalidation/revalidation-service.js";
import type { SessionService } from "../domain/sessions.js";
import { requireStaff } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import { callbackRoutes } from "./routes/callback.js";
import { customerRoutes } from "./routes/customer.js";
import { staffRoutes } from "./routes/staff.js";
import { walkthroughRoutes } from "./walkthrough/walkthrough-routes.js";

export interface ExpressAppDependencies {
  store: BankStore;
  jlis: JlisServices;
  journeys: JourneyService;
  sessions: SessionService;
  revalidation: RevalidationService;
  csrf: CsrfGuard;
  staffPassword: string;
  /** The portal, server to server (the walkthrough's card list). */
  portalUrl: string;
  /** The portal and jlis as a browser reaches them: the links on the bank's pages. */
  portalPublicUrl: string;
  jlisPublicUrl: string;
  publicUrl: () => string;
  logger: Logger;
  /** The built UI (dist/web); absent in tests that did not build it. */
  webDir?: string;
}

/** dist/web beside dist/server (or src/server when run from source). */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export function createExpressApp(deps: ExpressAppDependencies): express.Express {
  const app = createServiceApp({ logger: deps.logger, jsonLimit: "64kb", cookies: true, openApi: () => openApiDocument(deps.publicUrl()) });

  app.use(callbackRoutes({ journeys: deps.journeys, csrf: deps.csrf, logger: deps.logger }));
  app.use("/api/staff", requireStaff(deps.staffPassword), staffRoutes(deps));
  app.use("/api/walkthrough", walkthroughRoutes(deps)); // sandbox demo: the guided walkthrough (read-only)
  app.use("/api", customerRoutes(deps));

  // Client-side routes all load the same page.
  serveWebUi(app, { webDir: deps.webDir ?? DEFAULT_WEB_DIR, apiPaths: /^\/api\//, buildCommand: "npm run build" });

  const { notFound, errors } = problemHandlers({ notFoundHint: "see /openapi.json", service: "bank" });
  app.use(notFound);
  app.use(errors);
  return app;
}
