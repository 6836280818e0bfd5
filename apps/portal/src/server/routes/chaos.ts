/** The operator's chaos settings (HTTP Basic admin): GET and PUT /admin/api/chaos { signingResult }. */
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { Logger } from "pino";
import { portalChaosSchema, type PortalChaosSettings } from "../../domain/chaos/signing-result-chaos.js";

export function chaosRoutes(chaos: PortalChaosSettings, logger: Logger): Router {
  const router = Router();
  router.get("/chaos", (_req, res) => {
    res.json(chaos.get());
  });
  router.put("/chaos", (req, res) => {
    const settings = chaos.set(parseInput(portalChaosSchema, req.body));
    logger.warn({ chaos: settings }, "chaos settings changed");
    res.json(settings);
  });
  return router;
}
