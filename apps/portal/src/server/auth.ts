/**
 * HTTP Basic (RFC 7617) for the portal's two non-browser callers: bank clients (id + secret, registered) and
 * the operator (user "admin", the CLI). Missing or wrong credentials → 401 with a challenge.
 */
import type { RequestHandler, Response } from "express";
import { basicCredentials, isAdminCredential } from "@jpki-sandbox/service-kit";
import type { BankClients } from "../domain/bank-clients.js";
import { PortalError } from "../domain/errors.js";
import type { BankClientRecord } from "../domain/records.js";

function challenge(res: Response, realm: string, message: string): never {
  res.setHeader("WWW-Authenticate", `Basic realm="${realm}", charset="UTF-8"`);
  throw new PortalError("UNAUTHENTICATED", message);
}

export function bankClientOf(res: Response): BankClientRecord {
  return res.locals.bankClient as BankClientRecord;
}

export function requireBankClient(clients: BankClients): RequestHandler {
  return (req, res, next) => {
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) challenge(res, "portal bank clients", "bank client credentials are required (HTTP Basic: client id and secret)");
    clients.authenticate(credentials.user, credentials.password).then(
      (client) => {
        res.locals.bankClient = client;
        next();
      },
      (error: unknown) => {
        res.setHeader("WWW-Authenticate", `Basic realm="portal bank clients", charset="UTF-8"`);
        next(error);
      },
    );
  };
}

export function requireOperator(password: string): RequestHandler {
  return (req, res, next) => {
    if (!isAdminCredential(req.headers.authorization, password)) challenge(res, "portal operator", "the portal's operator API needs the admin credential (user admin)");
    next();
  };
}
