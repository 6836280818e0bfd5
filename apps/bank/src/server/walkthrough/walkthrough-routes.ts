/**
 * GET /api/walkthrough: what the guided walkthrough page (/walkthrough) shows for this browser — its latest
 * journey of each kind with the messages that crossed, the account it knows, and the portal's cards (the page
 * puts the messages into words itself, with web-kit's decoders). A read-only sandbox demo, kept apart
 * from the bank's domain: it only reads through the journey service's browser check, the store and the
 * portal's public card list.
 * The journeys are those this browser started (its session cookie), as GET /api/journeys/:id allows.
 */
import type { CsrfGuard } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { JourneyService } from "../../domain/journeys/journey-service.js";
import type { BankStore } from "../../domain/ports.js";
import type { JourneyRecord } from "../../domain/records.js";
import type { SessionService } from "../../domain/sessions.js";
import { accountView } from "../../domain/views.js";
import type { JourneyKind, JourneyView, WalkthroughView } from "../../shared/api-types.js";
import { browserOf, loginTokenOf } from "../auth.js";
import { fullJourneyView } from "../routes/customer.js";
import { createPortalCards, type PortalCards } from "./portal-cards.js";

/** How far back the page looks for this browser's latest journey of each kind. */
export const WALKTHROUGH_JOURNEY_WINDOW = 50;

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

  const customerOf = async (loginToken: string | undefined, latest: readonly JourneyRecord[]): Promise<WalkthroughView["customer"]> => {
    const loggedIn = await sessions.customerOf(loginToken);
    const openingCustomerId = latest.find((j) => j.kind === "opening" && j.status === "completed" && j.customerId)?.customerId;
    const customer = loggedIn ?? (openingCustomerId ? await store.customers.get(openingCustomerId) : undefined);
    if (!customer) return null;
    const view = accountView(customer, await store.links.activeOf(customer.id), await store.events.listOf(customer.id));
    return { ...view, source: loggedIn ? "session" : "opening" };
  };

  router.get("/", async (req, res) => {
    const own = await journeys.journeysOfBrowser(browserOf(csrf, req, res), WALKTHROUGH_JOURNEY_WINDOW);
    const latest = new Map<JourneyKind, JourneyRecord>();
    for (const journey of own) if (!latest.has(journey.kind)) latest.set(journey.kind, journey);
    const views: WalkthroughView["journeys"] = {};
    for (const [kind, journey] of latest) views[kind] = (await fullJourneyView(store, journey)) satisfies JourneyView;
    const customer = await customerOf(loginTokenOf(req), own);
    const view: WalkthroughView = { journeys: views, customer, portalUrl: deps.portalPublicUrl, portal: await portalCards.list(customer?.customer.name) };
    res.setHeader("cache-control", "no-store");
    res.json(view);
  });

  return router;
}
