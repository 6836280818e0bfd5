/**
 * One access log line per request (pino-http): errors and 5xx at error, other 4xx at warn, the rest at
 * debug. Credentials never reach the log: Authorization, cookies, Set-Cookie and CSRF tokens are redacted
 * (bodies, which carry PINs and secrets, are not logged at all).
 */
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

export const REDACTED_HEADERS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
] as const;

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    redact: [...REDACTED_HEADERS],
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "debug"),
  });
}
