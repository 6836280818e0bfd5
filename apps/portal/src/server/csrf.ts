/**
 * CSRF protection for the browser API (OWASP "signed double-submit cookie", via csrf-csrf): every POST from
 * the portal's pages carries `x-csrf-token`, an HMAC bound to the browser's session cookie. Bank and operator
 * calls authenticate with HTTP Basic and send no cookies, so they are not exposed to CSRF and skip it.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { doubleCsrf } from "csrf-csrf";
import { PortalError } from "../domain/errors.js";

export const SESSION_COOKIE = "portal_session";
const CSRF_COOKIE = "portal_csrf";

export interface CsrfGuard {
  /** Sets the session cookie when missing and returns a token for it. */
  issueToken(req: Request, res: Response): string;
  /** Refuses state-changing requests without a valid token (CSRF_INVALID). */
  protect: RequestHandler;
}

/** `secretKey`: the portal's card key; the CSRF secret is derived from it so every replica agrees. */
export function createCsrfGuard(secretKey: Uint8Array): CsrfGuard {
  const secret = createHmac("sha256", secretKey).update("jpki-sandbox portal csrf").digest("base64");
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE] ?? "",
    cookieName: CSRF_COOKIE,
    // The sandbox runs on http://127.0.0.1, so not Secure/__Host- (a deployment behind TLS would add them).
    cookieOptions: { sameSite: "strict", secure: false, httpOnly: true, path: "/" },
    getCsrfTokenFromRequest: (req) => req.headers["x-csrf-token"],
  });
  return {
    issueToken(req, res) {
      const cookies = req.cookies as Record<string, string | undefined>;
      if (!cookies[SESSION_COOKIE]) {
        const session = randomBytes(18).toString("base64url");
        res.cookie(SESSION_COOKIE, session, { sameSite: "lax", httpOnly: true, path: "/" });
        cookies[SESSION_COOKIE] = session;
      }
      return generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
    },
    protect(req, res, next) {
      doubleCsrfProtection(req, res, (error?: unknown) => {
        if (error) next(new PortalError("CSRF_INVALID", "missing or invalid CSRF token: reload the page and try again"));
        else next();
      });
    },
  };
}
