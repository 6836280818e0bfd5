/**
 * Linkage API (紐付け) for accredited verifiers (署名検証者): each service needs its own scope.
 * Chaos knobs can make it unavailable (503) or slow, for relying parties testing their fallbacks.
 */
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { base64ToBytes } from "@jpki-sandbox/jpki-core";
import { SCOPES } from "../../domain/credentials.js";
import { JlisError } from "../../domain/errors.js";
import type { LinkageService } from "../../domain/linkage.js";
import type { JlisStore } from "../../domain/ports.js";
import type { SandboxControls } from "../../domain/sandbox-controls.js";
import { callerOf, requireClient } from "../auth.js";
import { parseInput } from "@jpki-sandbox/service-kit";
import { serialParam } from "../validation.js";

const REALM = "jlis linkage";
const consentRequestSchema = z.object({ consent: z.string().trim().min(16).max(65_536) });

export function linkageRoutes(linkage: LinkageService, store: JlisStore, controls: SandboxControls): Router {
  const router = Router();
  const chaos: RequestHandler = (_req, _res, next) => {
    const { mode, delayMs } = controls.chaos().linkage;
    const go = () =>
      mode === "unavailable" ? next(new JlisError("LINKAGE_UNAVAILABLE", "the linkage service is unavailable (sandbox chaos setting)")) : next();
    if (delayMs > 0) setTimeout(go, delayMs);
    else go();
  };
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  router.get(
    "/signing-certificates/:serial/user-auth-certificate",
    requireClient(store, "verifier", SCOPES.linkageUserAuth, REALM),
    chaos,
    async (req, res) => {
      res.json(json(await linkage.userAuthCertificateOf(serialParam(String(req.params.serial)))));
    },
  );

  router.get(
    "/signing-certificates/:serial/current-signing-certificate",
    requireClient(store, "verifier", SCOPES.linkageSigning, REALM),
    chaos,
    async (req, res) => {
      res.json(json(await linkage.currentSigningCertificateOf(serialParam(String(req.params.serial)))));
    },
  );

  router.post("/attributes", requireClient(store, "verifier", SCOPES.linkageAttributes, REALM), chaos, async (req, res) => {
    const { consent } = parseInput(consentRequestSchema, req.body);
    let der;
    try {
      der = base64ToBytes(consent.replace(/-----[^-]+-----|\s+/g, ""));
    } catch {
      throw new JlisError("CONSENT_INVALID", "consent must be a base64 (or PEM) CMS SignedData");
    }
    res.json(json(await linkage.latestAttributes(der, callerOf(res)?.actorId ?? "")));
  });

  return router;
}
