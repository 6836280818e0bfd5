/**
 * The operator's admin API behind /admin/api (the console in src/web uses it; so does the CLI for revoke
 * and clock). Protected by the admin credential in express-app.ts.
 */
import { randomUUID } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import { REVOCATION_REASONS } from "@jpki-sandbox/jpki-core";
import type { Clock } from "../../domain/clock.js";
import { generateSecret, hashSecret, parseInput } from "@jpki-sandbox/service-kit";
import { VERIFIER_SCOPES } from "../../domain/credentials.js";
import { crlPathOf } from "../../domain/crl-publisher.js";
import { JlisError } from "../../domain/errors.js";
import type { JlisStore } from "../../domain/ports.js";
import { certificateStatusAt, type Client } from "../../domain/records.js";
import type { RevocationService } from "../../domain/revocation.js";
import { chaosSchema, type SandboxControls } from "../../domain/sandbox-controls.js";
import { cardJson, certificateJson, clockJson, residentJson } from "../json.js";
import { serialParam } from "../validation.js";

const certificateQuerySchema = z.object({
  kind: z.enum(["S", "R"]).optional(),
  status: z.enum(["good", "revoked", "expired"]).optional(),
  residentId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const revokeSchema = z.object({ reason: z.enum(REVOCATION_REASONS as [string, ...string[]]) });
export const clockSchema = z.union([z.object({ advance: z.string().min(2).max(40) }), z.object({ reset: z.literal(true) })]);
const verifierSchema = z.object({
  name: z.string().trim().min(1).max(100),
  id: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/).optional(),
  scopes: z.array(z.enum(VERIFIER_SCOPES)).min(1),
});
const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().regex(/^\d+$/).optional(),
});

const clientJson = (client: Client) => ({
  id: client.id,
  name: client.name,
  scopes: client.scopes,
  createdAt: client.createdAt.toISOString(),
  disabledAt: client.disabledAt?.toISOString() ?? null,
});

/** GET/POST /clock: read, advance (ISO 8601 duration) or reset the sandbox clock. Also mounted at /admin/clock. */
export function clockRoutes(controls: SandboxControls): Router {
  const router = Router();
  router.get("/clock", (_req, res) => {
    res.json(clockJson(controls.clock()));
  });
  router.post("/clock", async (req, res) => {
    const body = parseInput(clockSchema, req.body);
    res.json(clockJson("advance" in body ? await controls.advanceClock(body.advance) : await controls.resetClock()));
  });
  return router;
}

export function adminRoutes(deps: { store: JlisStore; clock: Clock; revocation: RevocationService; controls: SandboxControls; publicUrl: () => string }): Router {
  const { store, clock, revocation, controls } = deps;
  const router = Router();

  router.get("/overview", async (_req, res) => {
    const now = clock.now();
    const [residents, S, R] = await Promise.all([
      store.residents.count(),
      store.certificates.countByStatus("S", now),
      store.certificates.countByStatus("R", now),
    ]);
    res.json({ clock: clockJson({ now, offsetMs: controls.clock().offsetMs }), counts: { residents, certificates: { S, R } }, chaos: controls.chaos() });
  });

  router.get("/residents", async (_req, res) => {
    const now = clock.now();
    const residents = await store.residents.list();
    const withCards = await Promise.all(
      residents.map(async (resident) => ({
        ...residentJson(resident),
        cards: (await store.cards.ofResident(resident.id)).map((card) => cardJson(card, now)),
      })),
    );
    res.json({ residents: withCards });
  });

  router.get("/certificates", async (req, res) => {
    const query = parseInput(certificateQuerySchema, req.query, "query");
    const now = clock.now();
    const records = await store.certificates.list({
      kind: query.kind,
      residentId: query.residentId,
      ...(query.status === "revoked" ? { revoked: true } : query.status ? { revoked: false } : {}),
      limit: query.limit,
    });
    const names = new Map<string, string>();
    const certificates = [];
    for (const record of records) {
      if (query.status && certificateStatusAt(record, now) !== query.status) continue;
      if (!names.has(record.residentId)) names.set(record.residentId, (await store.residents.get(record.residentId))?.name ?? "");
      certificates.push({ ...certificateJson(record, now), residentName: names.get(record.residentId) });
    }
    res.json({ certificates });
  });

  router.post("/certificates/:serial/revoke", async (req, res) => {
    const { reason } = parseInput(revokeSchema, req.body);
    const revoked = await revocation.revoke(serialParam(req.params.serial), reason as (typeof REVOCATION_REASONS)[number]);
    res.json(certificateJson(revoked, clock.now()));
  });

  router.get("/crls", async (_req, res) => {
    const crls = await store.crls.latestOfEveryScope();
    res.json({
      crls: crls.map((crl) => ({
        kind: crl.kind,
        scope: crl.scope,
        url: `${deps.publicUrl()}${crlPathOf(crl.kind, crl.scope)}`,
        crlNumber: crl.crlNumber.toString(),
        thisUpdate: crl.thisUpdate.toISOString(),
        nextUpdate: crl.nextUpdate.toISOString(),
        entries: crl.entries,
      })),
    });
  });

  router.use(clockRoutes(controls));

  router.get("/chaos", (_req, res) => {
    res.json(controls.chaos());
  });
  router.put("/chaos", async (req, res) => {
    res.json(await controls.setChaos(parseInput(chaosSchema, req.body)));
  });

  router.get("/verifiers", async (_req, res) => {
    res.json({ verifiers: (await store.clients.list("verifier")).map(clientJson) });
  });
  router.post("/verifiers", async (req, res) => {
    const input = parseInput(verifierSchema, req.body);
    const id = input.id ?? `verifier-${randomUUID().slice(0, 8)}`;
    if (await store.clients.get(id)) throw new JlisError("CONFLICT", `a client with id ${id} exists`);
    const secret = generateSecret();
    const client: Client = { id, kind: "verifier", name: input.name, secretHash: await hashSecret(secret), scopes: input.scopes, createdAt: new Date(), disabledAt: null };
    await store.clients.upsert(client);
    res.status(201).json({ verifier: clientJson(client), secret });
  });

  router.get("/counters", async (_req, res) => {
    res.json({ counters: (await store.clients.list("counter")).map(clientJson) });
  });

  router.get("/audit", async (req, res) => {
    const query = parseInput(auditQuerySchema, req.query, "query");
    const events = await store.audit.list(query);
    res.json({ events: events.map((event) => ({ ...event, at: event.at.toISOString() })) });
  });

  return router;
}
