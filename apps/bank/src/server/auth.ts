/**
 * Who is calling: a customer's browser (the CSRF guard's session cookie names the browser; the login cookie
 * names the logged-in customer) or staff (HTTP Basic, user "staff").
 */
import { createHash } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { isAdminCredential, type CsrfGuard } from "@jpki-sandbox/service-kit";
import { BankError } from "../domain/errors.js";

export const LOGIN_COOKIE = "bank_login";

/** The browser's id as the bank stores it (SHA-256 of its session cookie); a cookie is set when missing. */
export function browserOf(csrf: CsrfGuard, req: Request, res: Response): string {
  if (!csrf.sessionOf(req)) csrf.issueToken(req, res);
  return createHash("sha256").update(csrf.sessionOf(req)!).digest("hex");
}

export function loginTokenOf(req: Request): string | undefined {
  return (req.cookies as Record<string, string | undefined>)[LOGIN_COOKIE] || undefined;
}

export function setLoginCookie(res: Response, token: string, expiresAt: Date): void {
  // Lax: sent on the top-level navigation back from the portal. Not Secure: the sandbox is plain http.
  res.cookie(LOGIN_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", expires: expiresAt });
}

export function clearLoginCookie(res: Response): void {
  res.clearCookie(LOGIN_COOKIE, { path: "/" });
}

export function requireStaff(password: string): RequestHandler {
  return (req, res, next) => {
    if (!isAdminCredential(req.headers.authorization, password, "staff")) {
      res.setHeader("WWW-Authenticate", `Basic realm="Sandbox Bank staff", charset="UTF-8"`);
      throw new BankError("UNAUTHENTICATED", "the staff view needs the staff credential (HTTP Basic, user staff)");
    }
    next();
  };
}
