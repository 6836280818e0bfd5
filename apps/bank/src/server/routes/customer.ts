/**
 * The customer's API (cookie session + CSRF on every POST): start account opening, login, relink and the
 * attribute refresh; read journeys and the account. See shared/api-types.ts for the shapes.
 */
import { parseInput, type CsrfGuard } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { BankStore, JlisServices } from "../../domain/ports.js";
import { BankError } from "../../domain/errors.js";
import type { JourneyService } from "../../domain/journeys/journey-service.js";
import type { SessionService } from "../../domain/sessions.js";
import { accountView, journeyView } from "../../domain/views.js";
import type { JourneyView, SessionInfo } from "../../shared/api-types.js";
import type { JourneyRecord } from "../../domain/records.js";
import { browserOf, clearLoginCookie, loginTokenOf } from "../auth.js";
import { applicationSchema, emptySchema, idParam } from "../schemas.js";

export interface CustomerRoutesDependencies {
  store: BankStore;
  jlis: JlisServices;
  journeys: JourneyService;
  sessions: SessionService;
  csrf: CsrfGuard;
  /** The portal and jlis as the browser reaches them (SessionInfo's links). */
  portalPublicUrl: string;
  jlisPublicUrl: string;
}

/** A journey id from the path: anything that is not one is a journey that does not exist. */
export function journeyIdOf(value: unknown): string {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw new BankError("JOURNEY_NOT_FOUND", `no journey ${String(value)}`);
  return parsed.data;
}

/** The journey with its customer and, once an opening/relink/refresh completed, the link it left. */
export async function fullJourneyView(store: BankStore, journey: JourneyRecord): Promise<JourneyView> {
  const customer = journey.customerId ? await store.customers.get(journey.customerId) : undefined;
  const link = journey.status === "completed" && customer && journey.kind !== "login" ? await store.links.activeOf(customer.id) : undefined;
  return journeyView(journey, { ...(customer ? { customer } : {}), ...(link ? { link } : {}) });
}

export function customerRoutes(deps: CustomerRoutesDependencies): Router {
  const { journeys, sessions, store, csrf } = deps;
  const router = Router();

  router.get("/session", async (req, res) => {
    const customer = await sessions.customerOf(loginTokenOf(req));
    const sandboxNow = await deps.jlis.now().then((d) => d.toISOString(), () => null);
    const info: SessionInfo = {
      csrfToken: csrf.issueToken(req, res),
      customer: customer ? { id: customer.id, name: customer.name } : null,
      sandboxNow,
      portalUrl: deps.portalPublicUrl,
      jlisUrl: deps.jlisPublicUrl,
    };
    res.json(info);
  });

  router.post("/{*splat}", csrf.protect);

  router.post("/applications", async (req, res) => {
    const form = parseInput(applicationSchema, req.body);
    res.status(201).json(await journeys.startOpening(browserOf(csrf, req, res), form));
  });

  router.post("/logins", async (req, res) => {
    parseInput(emptySchema, req.body ?? {});
    res.status(201).json(await journeys.startLogin(browserOf(csrf, req, res)));
  });

  router.post("/logout", async (req, res) => {
    await sessions.end(loginTokenOf(req));
    clearLoginCookie(res);
    res.status(204).end();
  });

  router.get("/journeys/:id", async (req, res) => {
    const journey = await journeys.ownJourney(browserOf(csrf, req, res), journeyIdOf(req.params.id));
    res.json(await fullJourneyView(store, journey));
  });

  router.post("/journeys/:id/relink", async (req, res) => {
    res.status(201).json(await journeys.startRelink(browserOf(csrf, req, res), journeyIdOf(req.params.id)));
  });

  const loggedIn = async (token: string | undefined) => {
    const customer = await sessions.customerOf(token);
    if (!customer) throw new BankError("NOT_LOGGED_IN", "log in with your user-authentication certificate first");
    return customer;
  };

  router.get("/account", async (req, res) => {
    const customer = await loggedIn(loginTokenOf(req));
    res.json(accountView(customer, await store.links.activeOf(customer.id), await store.events.listOf(customer.id)));
  });

  router.post("/account/attribute-refresh", async (req, res) => {
    const customer = await loggedIn(loginTokenOf(req));
    res.status(201).json(await journeys.startAttributeRefresh(browserOf(csrf, req, res), customer));
  });

  return router;
}
