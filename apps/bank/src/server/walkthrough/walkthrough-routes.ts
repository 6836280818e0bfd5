/**
 * GET /api/walkthrough: what the guided walkthrough page (/walkthrough) shows for this browser — its latest
 * journey of each kind with the messages that crossed, the account it knows, and the portal's cards; and
 * POST /api/walkthrough/decode, a message in words (./decode-message.ts). A read-only sandbox demo, kept apart
 * from the bank's domain: it only reads through the journey service's browser check, the store and the
 * portal's public card list.
 *
 * The store lists journeys by customer, not by browser, so the page passes the ids of the journeys it started
 * (`?journeys=<id>,<id>…`, remembered in the browser); ids this browser does not own are ignored, exactly as
 * GET /api/journeys/:id refuses them.
 */
import type { CsrfGuard } from "@jpki-sandbox/service-kit";
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import { z } from "zod";
import { isBankError } from "../../domain/errors.js";
import type { JourneyService } from "../../domain/journeys/journey-service.js";
import type { BankStore } from "../../domain/ports.js";
import type { JourneyRecord } from "../../domain/records.js";
import type { SessionService } from "../../domain/sessions.js";
import { accountView } from "../../domain/views.js";
import type { JourneyKind, JourneyView, WalkthroughView } from "../../shared/api-types.js";
import { browserOf, loginTokenOf } from "../auth.js";
import { fullJourneyView } from "../routes/customer.js";
import { idParam } from "../schemas.js";
import { decodeMessage, decodeMessageSchema } from "./decode-message.js";
import { createPortalCards, type PortalCards } from "./portal-cards.js";

/** The most journey ids one request may name (the page keeps fewer). */
export const MAX_WALKTHROUGH_JOURNEYS = 40;

const querySchema = z.object({
  journeys: z
    .string()
    .max(40 * MAX_WALKTHROUGH_JOURNEYS)
    .optional()
    .transform((list) => [...new Set((list ?? "").split(",").map((id) => id.trim()).filter((id) => idParam.safeParse(id).success))].slice(0, MAX_WALKTHROUGH_JOURNEYS)),
});

export interface WalkthroughDependencies {
  store: BankStore;
  journeys: JourneyService;
  sessions: SessionService;
  csrf: CsrfGuard;
  portalUrl: string;
  /** The portal as the visitor's browser reaches it (the page's links). */
  portalPublicUrl: string;
  /** Injected in tests; by default the portal at portalUrl. */
  portalCards?: PortalCards;
}

export function walkthroughRoutes(deps: WalkthroughDependencies): Router {
  const { store, journeys, sessions, csrf } = deps;
  const portalCards = deps.portalCards ?? createPortalCards(deps.portalUrl);
  const router = Router();

  /** This browser's journeys among `ids` (others are skipped), newest first. */
  const ownJourneys = async (browser: string, ids: string[]): Promise<JourneyRecord[]> => {
    const found = await Promise.all(
      ids.map((id) =>
        journeys.ownJourney(browser, id).catch((error: unknown) => {
          if (isBankError(error) && error.code === "JOURNEY_NOT_FOUND") return undefined;
          throw error;
        }),
      ),
    );
    return found.filter((j): j is JourneyRecord => j !== undefined).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  };

  const customerOf = async (loginToken: string | undefined, latest: readonly JourneyRecord[]): Promise<WalkthroughView["customer"]> => {
    const loggedIn = await sessions.customerOf(loginToken);
    const openingCustomerId = latest.find((j) => j.kind === "opening" && j.status === "completed" && j.customerId)?.customerId;
    const customer = loggedIn ?? (openingCustomerId ? await store.customers.get(openingCustomerId) : undefined);
    if (!customer) return null;
    const view = accountView(customer, await store.links.activeOf(customer.id), await store.events.listOf(customer.id));
    return { ...view, source: loggedIn ? "session" : "opening" };
  };

  router.get("/", async (req, res) => {
    const { journeys: ids } = parseInput(querySchema, req.query);
    const browser = browserOf(csrf, req, res);
    const own = await ownJourneys(browser, ids);
    const latest = new Map<JourneyKind, JourneyRecord>();
    for (const journey of own) if (!latest.has(journey.kind)) latest.set(journey.kind, journey);
    const views: WalkthroughView["journeys"] = {};
    for (const [kind, journey] of latest) views[kind] = (await fullJourneyView(store, journey)) satisfies JourneyView;
    const customer = await customerOf(loginTokenOf(req), own);
    const view: WalkthroughView = { journeys: views, customer, portalUrl: deps.portalPublicUrl, portal: await portalCards.list(customer?.customer.name) };
    res.setHeader("cache-control", "no-store");
    res.json(view);
  });

  router.post("/decode", csrf.protect, (req, res) => {
    res.json(decodeMessage(parseInput(decodeMessageSchema, req.body)));
  });

  return router;
}
