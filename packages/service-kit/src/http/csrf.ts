/**
 * CSRF protection for an app's browser API (OWASP "signed double-submit cookie", via csrf-csrf): every POST
 * from the app's pages carries `x-csrf-token`, an HMAC bound to the browser's session cookie. Callers that
 * authenticate with HTTP Basic and send no cookies are not exposed to CSRF and are not routed through it.
 * Needs cookie-parser in front (req.cookies).
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { doubleCsrf } from "csrf-csrf";

export interface CsrfGuard {
  /** The browser's session cookie (set by issueToken when missing). */
  readonly sessionCookie: string;
  /** Sets the session cookie when missing and returns a token for it. */
  issueToken(req: Request, res: Response): string;
  /** The browser's session id (the cookie's value), or undefined. */
  sessionOf(req: Request): string | undefined;
  /** Refuses state-changing requests without a valid token: `invalid()` is passed to next(). */
  protect: RequestHandler;
}

export interface CsrfGuardOptions {
  /** The app's name: cookies are `<app>_session` and `<app>_csrf`, and the secret is derived per app. */
  app: string;
  /** A key the app keeps (every replica the same); the CSRF secret is an HMAC of it. */
  secretKey: Uint8Array;
  /** The error to hand to next() for a missing or wrong token (the app's own CSRF_INVALID). */
  invalid: () => Error;
}

export function createCsrfGuard(options: CsrfGuardOptions): CsrfGuard {
  const sessionCookie = `${options.app}_session`;
  const secret = createHmac("sha256", options.secretKey).update(`jpki-sandbox ${options.app} csrf`).digest("base64");
  const cookiesOf = (req: Request) => (req.cookies ?? {}) as Record<string, string | undefined>;
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => cookiesOf(req)[sessionCookie] ?? "",
    cookieName: `${options.app}_csrf`,
    // The sandbox runs on http://127.0.0.1, so not Secure/__Host- (a deployment behind TLS would add them).
    cookieOptions: { sameSite: "strict", secure: false, httpOnly: true, path: "/" },
    getCsrfTokenFromRequest: (req) => req.headers["x-csrf-token"],
  });
  return {
    sessionCookie,
    issueToken(req, res) {
      const cookies = cookiesOf(req);
      if (!cookies[sessionCookie]) {
        const session = randomBytes(18).toString("base64url");
        // Lax: the session must survive the top-level GET back from another sandbox app (a redirect).
        res.cookie(sessionCookie, session, { sameSite: "lax", httpOnly: true, path: "/" });
        cookies[sessionCookie] = session;
        req.cookies = cookies;
      }
      return generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
    },
    sessionOf: (req) => cookiesOf(req)[sessionCookie] || undefined,
    protect(req, res, next) {
      doubleCsrfProtection(req, res, (error?: unknown) => {
        if (error) next(options.invalid());
        else next();
      });
    },
  };
}
