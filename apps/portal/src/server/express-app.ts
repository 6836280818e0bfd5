/**
 * The portal's Express 5 application: the browser API (cookie session + CSRF), the bank API and the
 * operator API (HTTP Basic), OpenAPI, and the built web UI for every other GET. Errors are RFC 9457 problems.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServiceApp, problemHandlers, serveWebUi, type CsrfGuard } from "@jpki-sandbox/service-kit";
import type express from "express";
import type { Logger } from "pino";
import type { ApprovalService } from "../domain/approvals/approval-service.js";
import type { BankClients } from "../domain/bank-clients.js";
import type { ApduSessions } from "../domain/cards/apdu-sessions.js";
import type { CardVault } from "../domain/cards/card-vault.js";
import type { PortalChaosSettings } from "../domain/chaos/signing-result-chaos.js";
import type { CounterService } from "../domain/counter/counter-service.js";
import type { JlisCounter, PortalStore } from "../domain/ports.js";
import { requireBankClient, requireOperator } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import { apduSessionRoutes } from "./routes/apdu-sessions.js";
import { bankApiRoutes } from "./routes/bank-api.js";
import { browserRoutes } from "./routes/browser.js";
import { chaosRoutes } from "./routes/chaos.js";
import { bankClientRoutes, operatorRoutes } from "./routes/operator.js";

export interface ExpressAppDependencies {
  store: PortalStore;
  vault: CardVault;
  jlis: JlisCounter;
  /** jlis as the browser reaches it (links on the portal's pages). */
  jlisUrl: string;
  counter: CounterService;
  approvals: ApprovalService;
  bankClients: BankClients;
  /** Wallet cards in a card reader (the PC/SC bridge); operator only. */
  apduSessions?: ApduSessions;
  csrf: CsrfGuard;
  adminPassword: string;
  /** Chaos settings for relying parties' tests (operator: GET/PUT /admin/api/chaos). */
  chaos: PortalChaosSettings;
  publicUrl: () => string;
  logger: Logger;
  /** The built UI (dist/web); absent in tests that did not build it. */
  webDir?: string;
}

/** dist/web beside dist/server (or src/server when run from source). */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export function createExpressApp(deps: ExpressAppDependencies): express.Express {
  // A 1 MiB document arrives as ~1.4 MB of base64; PINs travel only in bodies, which are never logged.
  const app = createServiceApp({ logger: deps.logger, jsonLimit: "2mb", cookies: true, openApi: () => openApiDocument(deps.publicUrl()) });

  const operator = requireOperator(deps.adminPassword);
  const bank = requireBankClient(deps.bankClients);
  app.use("/api/v1/counter", operator, operatorRoutes(deps.counter));
  if (deps.apduSessions) app.use("/api/v1/cards", operator, apduSessionRoutes(deps.apduSessions));
  app.use("/api/v1", bank, bankApiRoutes(deps.approvals, deps.publicUrl));
  app.use("/admin/api", operator, bankClientRoutes(deps.bankClients), chaosRoutes(deps.chaos, deps.logger));
  app.use("/api", browserRoutes(deps));

  // Client-side routes all load the same page.
  serveWebUi(app, { webDir: deps.webDir ?? DEFAULT_WEB_DIR, apiPaths: /^\/(?:api|admin\/api)\//, buildCommand: "npm run build -w apps/portal" });

  const { notFound, errors } = problemHandlers({ notFoundHint: "see /openapi.json", service: "portal" });
  app.use(notFound);
  app.use(errors);
  return app;
}
