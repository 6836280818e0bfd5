/** The staff view's API (HTTP Basic `staff`; POSTs also need the CSRF token, as a browser sends Basic by itself). */
import { parseInput, type CsrfGuard } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import { BankError } from "../../domain/errors.js";
import type { BankStore } from "../../domain/ports.js";
import { runView, type RevalidationService } from "../../domain/revalidation/revalidation-service.js";
import { accountView, linkView, staffSummary } from "../../domain/views.js";
import type { StaffCustomerView } from "../../shared/api-types.js";
import { emptySchema, idParam } from "../schemas.js";
import { fullJourneyView, journeyIdOf } from "./customer.js";

export function staffRoutes(deps: { store: BankStore; revalidation: RevalidationService; csrf: CsrfGuard }): Router {
  const { store } = deps;
  const router = Router();

  router.get("/customers", async (_req, res) => {
    const customers = await store.customers.list();
    res.json({ customers: await Promise.all(customers.map(async (c) => staffSummary(c, await store.links.activeOf(c.id)))) });
  });

  router.get("/customers/:id", async (req, res) => {
    const customer = await store.customers.get(parseInput(idParam, req.params.id));
    if (!customer) throw new BankError("NOT_FOUND", "no such customer");
    const [active, links, events, journeys] = await Promise.all([
      store.links.activeOf(customer.id),
      store.links.listOf(customer.id),
      store.events.listOf(customer.id),
      store.journeys.listOf(customer.id),
    ]);
    const view: StaffCustomerView = {
      ...accountView(customer, active, events),
      links: links.map(linkView),
      journeys: journeys.map((j) => ({
        id: j.id,
        kind: j.kind,
        status: j.status,
        createdAt: j.createdAt.toISOString(),
        completedAt: j.completedAt?.toISOString() ?? null,
        ...(j.rejection ? { rejectionCode: j.rejection.code } : {}),
      })),
    };
    res.json(view);
  });

  router.get("/journeys/:id", async (req, res) => {
    const journey = await store.journeys.get(journeyIdOf(req.params.id));
    if (!journey) throw new BankError("JOURNEY_NOT_FOUND", "no such journey");
    // Staff read it; the relink is the customer's own action.
    const { canRelink: _customerOnly, ...view } = await fullJourneyView(store, journey);
    res.json(view);
  });

  router.get("/revalidations", async (_req, res) => {
    res.json({ runs: (await store.revalidations.list(20)).map(runView) });
  });

  router.post("/revalidations", deps.csrf.protect, async (req, res) => {
    parseInput(emptySchema, req.body ?? {});
    res.status(201).json(runView(await deps.revalidation.run("staff")));
  });

  return router;
}
