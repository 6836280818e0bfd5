/**
 * HTTP Basic authentication (RFC 7617) for the three kinds of callers that are not anonymous: municipal
 * counters, accredited verifiers (client id + secret; the sandbox's documented choice over mTLS) and the
 * operator (user "admin"). Missing or wrong credentials → 401 with a challenge; a client without the scope
 * → 403. The authenticated caller is kept on res.locals for the audit log.
 */
import { basicCredentials, isAdminCredential, verifySecret } from "@jpki-sandbox/service-kit";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { JlisError } from "../domain/errors.js";
import type { JlisStore } from "../domain/ports.js";
import type { ActorType, ClientKind } from "../domain/records.js";

export interface Caller {
  actorType: ActorType;
  actorId: string;
}

function challenge(res: Response, realm: string, message: string): never {
  res.setHeader("WWW-Authenticate", `Basic realm="${realm}", charset="UTF-8"`);
  throw new JlisError("UNAUTHENTICATED", message);
}

export function callerOf(res: Response): Caller | undefined {
  return res.locals.caller as Caller | undefined;
}

/** Requires a registered, enabled client of `kind` holding `scope`. */
export function requireClient(store: JlisStore, kind: ClientKind, scope: string, realm: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) challenge(res, realm, `${realm} credentials are required (HTTP Basic: client id and secret)`);
    void (async () => {
      const client = await store.clients.get(credentials.user);
      const valid = client !== undefined && client.kind === kind && client.disabledAt === null && (await verifySecret(credentials.password, client.secretHash));
      if (!valid) challenge(res, realm, "unknown client or wrong secret");
      res.locals.caller = { actorType: kind, actorId: client.id } satisfies Caller;
      if (!client.scopes.includes(scope)) {
        throw new JlisError("FORBIDDEN", `client ${client.id} is not permitted to use this service (needs scope ${scope})`, {
          details: { requiredScope: scope },
        });
      }
    })().then(() => next(), next);
  };
}

/** The operator: user "admin" with the configured password. */
export function requireAdmin(password: string): RequestHandler {
  return (req, res, next) => {
    if (!isAdminCredential(req.headers.authorization, password)) challenge(res, "jlis admin", "the jlis operator console needs the admin credential (user admin)");
    res.locals.caller = { actorType: "admin", actorId: "admin" } satisfies Caller;
    next();
  };
}
