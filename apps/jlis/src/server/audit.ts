/**
 * Writes one audit event per call to the protected APIs (counter, linkage, admin), after the response,
 * with the caller, the action (route), the target and the outcome — also for refused calls (401/403),
 * as the linkage service requires. With `changesOnly` (the operator console) successful reads are not
 * recorded: the console reads constantly, and an audit log full of its own page loads hides what changed.
 */
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import type { Clock } from "../domain/clock.js";
import type { JlisStore } from "../domain/ports.js";
import type { AuditOutcome } from "../domain/records.js";
import { basicCredentials } from "@jpki-sandbox/service-kit";
import { callerOf } from "./auth.js";

export function outcomeOf(status: number): AuditOutcome {
  if (status === 401 || status === 403) return "denied";
  return status < 400 ? "ok" : "error";
}

export function auditTrail(store: JlisStore, clock: Clock, logger: Logger, area: string, options: { changesOnly?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    res.on("finish", () => {
      const read = req.method === "GET" || req.method === "HEAD";
      if (options.changesOnly && read && outcomeOf(res.statusCode) === "ok") return;
      const caller = callerOf(res);
      const event = {
        actorType: caller?.actorType ?? ("system" as const),
        // An unauthenticated caller is named by the id it claimed, if any.
        actorId: caller?.actorId ?? `unauthenticated:${basicCredentials(req.headers.authorization)?.user ?? "-"}`,
        action: `${area} ${req.method} ${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? req.path}`,
        target: Object.values(req.params ?? {}).join("/") || null,
        outcome: outcomeOf(res.statusCode),
        detail: { status: res.statusCode, ...(res.locals.problemCode ? { code: res.locals.problemCode } : {}) },
      };
      store.audit.record(event, clock.now()).catch((error: unknown) => logger.error({ err: error, event }, "audit write failed"));
    });
    next();
  };
}
