/**
 * GET /callback?code&state (or ?error=access_denied&state): where the portal sends the browser back. The
 * bank redeems the code server to server, runs the checks and sends the browser (303) to the journey's
 * page. A return that cannot be tied to a journey of this browser gets a small HTML page, not JSON: a person
 * is looking at it.
 */
import { isServiceError, type CsrfGuard } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { Logger } from "pino";
import type { JourneyService } from "../../domain/journeys/journey-service.js";
import { BankError } from "../../domain/errors.js";
import { browserOf, setLoginCookie } from "../auth.js";
import { callbackSchema } from "../schemas.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function callbackRoutes(deps: { journeys: JourneyService; csrf: CsrfGuard; logger: Logger }): Router {
  const router = Router();
  router.get("/callback", async (req, res) => {
    const parsed = callbackSchema.safeParse(req.query);
    try {
      if (!parsed.success) throw new BankError("CALLBACK_INVALID", "the return from the portal has no valid state");
      const { journey, session } = await deps.journeys.handleCallback(browserOf(deps.csrf, req, res), parsed.data);
      if (session) setLoginCookie(res, session.token, session.expiresAt);
      res.redirect(303, `/journeys/${journey.id}`);
    } catch (error) {
      const status = isServiceError(error) ? error.status : 500;
      if (status >= 500) deps.logger.error({ err: error }, "callback failed");
      const code = isServiceError(error) ? error.code : "INTERNAL";
      const message = isServiceError(error) ? error.message : "an unexpected error occurred";
      res
        .status(status)
        .type("html")
        .send(
          `<!doctype html><meta charset="utf-8"><title>Sandbox Bank — cannot continue</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto">` +
            `<p><strong>SANDBOX / TEST ONLY</strong></p><h1>続行できません / Cannot continue</h1><p><code>${escape(code)}</code>: ${escape(message)}</p>` +
            `<p>Start again from the bank: <a href="/open">口座開設 / Open account</a> · <a href="/login">ログイン / Log in</a></p></body>`,
        );
    }
  });
  return router;
}
