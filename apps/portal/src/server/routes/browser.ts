/**
 * The API the portal's own pages use (src/web): session + CSRF token, personas, the counter, the wallet,
 * approvals. Every POST needs the CSRF token (service-kit createCsrfGuard).
 */
import { BUILT_IN_PERSONAS } from "@jpki-sandbox/jpki-core";
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import { cardStatus } from "../../domain/cards/certificate-status.js";
import { cardSummary, cardView } from "../../domain/cards/card-views.js";
import { syntheticPersona } from "../../domain/counter/synthetic-persona.js";
import type { CardRecord } from "../../domain/records.js";
import type { SessionInfo } from "../../shared/api-types.js";
import type { ExpressAppDependencies } from "../express-app.js";
import { addressChangeSchema, approveSchema, issueCardSchema, nameChangeSchema, pinResetSchema, renewalSchema } from "../schemas.js";

export type BrowserRoutesDependencies = Pick<ExpressAppDependencies, "store" | "vault" | "jlis" | "jlisUrl" | "counter" | "approvals" | "csrf">;

export function browserRoutes(deps: BrowserRoutesDependencies): Router {
  const { vault, jlis, counter, approvals } = deps;
  const router = Router();
  const view = async (record: CardRecord) => ({ card: cardView(record, vault.open(record), await jlis.now()) });

  router.get("/session", async (req, res) => {
    const info: SessionInfo = { csrfToken: deps.csrf.issueToken(req, res), jlisUrl: deps.jlisUrl, sandboxNow: (await jlis.now()).toISOString() };
    res.setHeader("cache-control", "no-store");
    res.json(info);
  });
  router.post("/{*splat}", deps.csrf.protect);

  router.get("/personas", (_req, res) => {
    res.json({ personas: Object.values(BUILT_IN_PERSONAS) });
  });
  router.get("/personas/random", (_req, res) => {
    res.setHeader("cache-control", "no-store");
    res.json({ persona: syntheticPersona() });
  });

  router.post("/counter/cards", async (req, res) => {
    const input = parseInput(issueCardSchema, req.body);
    const record = await counter.issueCard(input);
    res.status(201).location(`/api/cards/${record.id}`).json(await view(record));
  });
  router.post("/counter/cards/:id/address-change", async (req, res) => {
    const { signingPin, ...address } = parseInput(addressChangeSchema, req.body);
    res.json(await view(await counter.changeAddress(req.params.id, address, signingPin)));
  });
  router.post("/counter/cards/:id/name-change", async (req, res) => {
    const { name, signingPin } = parseInput(nameChangeSchema, req.body);
    res.json(await view(await counter.changeName(req.params.id, name, signingPin)));
  });
  router.post("/counter/cards/:id/loss", async (req, res) => {
    res.json(await view(await counter.reportLoss(req.params.id)));
  });
  router.post("/counter/cards/:id/renewal", async (req, res) => {
    const { userAuthPin, signingPin } = parseInput(renewalSchema, req.body);
    const record = await counter.renew(req.params.id, userAuthPin, signingPin);
    res.status(201).location(`/api/cards/${record.id}`).json(await view(record));
  });
  router.post("/counter/cards/:id/pin-reset", async (req, res) => {
    const { pin, newPin } = parseInput(pinResetSchema, req.body);
    res.json(await view(await counter.resetPin(req.params.id, pin, newPin)));
  });

  router.get("/cards", async (_req, res) => {
    const now = await jlis.now();
    const records = await deps.store.cards.list();
    res.json({ cards: records.map((record) => cardSummary(record, vault.open(record), now)) });
  });
  router.get("/cards/:id", async (req, res) => {
    res.json(await view(await vault.record(req.params.id)));
  });
  router.get("/cards/:id/status", async (req, res) => {
    res.setHeader("cache-control", "no-store");
    res.json(await cardStatus(await vault.record(req.params.id), jlis));
  });
  router.get("/cards/:id/apdu-log", async (req, res) => {
    const card = vault.open(await vault.record(req.params.id));
    res.setHeader("cache-control", "no-store");
    res.json({ entries: card.trace().reverse() });
  });

  router.get("/approvals/:id", async (req, res) => {
    res.setHeader("cache-control", "no-store");
    res.json(await approvals.view(req.params.id));
  });
  router.post("/approvals/:id/approve", async (req, res) => {
    const { cardId, pin } = parseInput(approveSchema, req.body);
    res.json({ redirectTo: await approvals.approve(req.params.id, cardId, pin) });
  });
  router.post("/approvals/:id/cancel", async (req, res) => {
    res.json({ redirectTo: await approvals.cancel(req.params.id) });
  });
  return router;
}
