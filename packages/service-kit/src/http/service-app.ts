/**
 * The Express application every sandbox app starts from: no x-powered-by, no ETags (answers change with the
 * sandbox clock), request logs with credentials and cookies redacted, cookies parsed when the app has a
 * browser side, JSON bodies up to `jsonLimit` (problem+json too), `GET /healthz` and `GET /openapi.json`.
 * Bodies are never logged: PINs and secrets travel only in them.
 */
import cookieParser from "cookie-parser";
import express from "express";
import type { Logger } from "pino";
import { requestLogger } from "./request-logger.js";

export interface ServiceAppOptions {
  logger: Logger;
  /** express.json's limit, e.g. "64kb". */
  jsonLimit: string;
  /** The OpenAPI document, built per request (its server URL is known only once the app listens). */
  openApi: () => unknown;
  /** Parse cookies (apps with a browser session). */
  cookies?: boolean;
}

export function createServiceApp(options: ServiceAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(requestLogger(options.logger));
  if (options.cookies) app.use(cookieParser());
  app.use(express.json({ limit: options.jsonLimit, type: ["application/json", "application/*+json"] }));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/openapi.json", (_req, res) => {
    res.json(options.openApi());
  });
  return app;
}
