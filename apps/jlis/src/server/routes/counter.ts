/**
 * The municipal counter's API (市区町村窓口 → J-LIS): only registered counters (scope "counter").
 */
import { Router } from "express";
import { z } from "zod";
import type { Clock } from "../../domain/clock.js";
import type { CounterService } from "../../domain/issuance/counter-service.js";
import { JlisError } from "../../domain/errors.js";
import type { JlisStore } from "../../domain/ports.js";
import { callerOf } from "../auth.js";
import { cardJson, certificateJson, residentJson } from "../json.js";
import { parseInput } from "@jpki-sandbox/service-kit";
import { serialParam } from "../validation.js";

const csr = z.string().trim().min(64, "a PKCS#10 request (PEM or base64 DER)").max(16_384);

export const residentAddressSchema = z.object({
  address: z.string().trim().min(1).max(200),
  prefecture: z.string().trim().min(1).max(10),
  city: z.string().trim().min(1).max(30),
  prefectureRomaji: z.string().regex(/^[A-Za-z][A-Za-z-]{0,30}$/),
  cityRomaji: z.string().regex(/^[A-Za-z][A-Za-z-]{0,40}$/),
  localGovernmentCode: z.string().regex(/^\d{6}$/),
});

export const residentInputSchema = residentAddressSchema.extend({
  name: z.string().trim().min(1).max(100),
  sex: z.enum(["male", "female", "unspecified"]),
  dateOfBirth: z.iso.date(),
});

export const cardRequestSchema = z.object({
  userAuthCsr: csr,
  signingCsr: csr.optional(),
  requestSigningCertificate: z.boolean().optional(),
});

export const addressChangeSchema = residentAddressSchema.extend({ signingCsr: csr.optional() });
export const nameChangeSchema = z.object({ name: z.string().trim().min(1).max(100), signingCsr: csr.optional() });

export function counterRoutes(counter: CounterService, store: JlisStore, clock: Clock): Router {
  const router = Router();
  const counterId = (res: Parameters<typeof callerOf>[0]) => callerOf(res)?.actorId ?? "unknown";
  const issuedJson = (issued: Awaited<ReturnType<CounterService["issueCard"]>>) => ({
    card: cardJson(issued.card, clock.now()),
    userAuthCertificate: certificateJson(issued.userAuthCertificate, clock.now()),
    ...(issued.signingCertificate ? { signingCertificate: certificateJson(issued.signingCertificate, clock.now()) } : {}),
  });
  const revokedJson = (revoked: Parameters<typeof certificateJson>[0][]) => revoked.map((c) => certificateJson(c, clock.now()));

  router.post("/residents", async (req, res) => {
    const resident = await counter.registerResident(parseInput(residentInputSchema, req.body));
    res.status(201).location(`${req.baseUrl}/residents/${resident.id}`).json({ resident: residentJson(resident) });
  });

  router.get("/residents/:residentId", async (req, res) => {
    const resident = await store.residents.get(req.params.residentId);
    if (!resident) throw new JlisError("RESIDENT_NOT_FOUND", `no resident ${req.params.residentId}`);
    const cards = await store.cards.ofResident(resident.id);
    res.json({ resident: residentJson(resident), cards: cards.map((card) => cardJson(card, clock.now())) });
  });

  router.post("/residents/:residentId/cards", async (req, res) => {
    const issued = await counter.issueCard(req.params.residentId, parseInput(cardRequestSchema, req.body), counterId(res));
    res.status(201).json(issuedJson(issued));
  });

  router.post("/residents/:residentId/death", async (req, res) => {
    res.json({ revoked: revokedJson(await counter.reportDeath(req.params.residentId)) });
  });

  router.post("/cards/:cardId/address-change", async (req, res) => {
    const { signingCsr, ...address } = parseInput(addressChangeSchema, req.body);
    const change = await counter.changeAddress(req.params.cardId, address, signingCsr, counterId(res));
    res.json({
      revoked: revokedJson(change.revoked),
      ...(change.signingCertificate ? { signingCertificate: certificateJson(change.signingCertificate, clock.now()) } : {}),
    });
  });

  router.post("/cards/:cardId/name-change", async (req, res) => {
    const { name, signingCsr } = parseInput(nameChangeSchema, req.body);
    const change = await counter.changeName(req.params.cardId, name, signingCsr, counterId(res));
    res.json({
      revoked: revokedJson(change.revoked),
      ...(change.signingCertificate ? { signingCertificate: certificateJson(change.signingCertificate, clock.now()) } : {}),
    });
  });

  router.post("/cards/:cardId/renewal", async (req, res) => {
    const renewed = await counter.renew(req.params.cardId, parseInput(cardRequestSchema, req.body), counterId(res));
    res.status(201).json({ ...issuedJson(renewed), revoked: revokedJson(renewed.revoked) });
  });

  router.post("/cards/:cardId/loss", async (req, res) => {
    res.json({ revoked: revokedJson(await counter.reportLoss(req.params.cardId)) });
  });

  router.get("/certificates/:serial", async (req, res) => {
    const certificate = await store.certificates.get(serialParam(req.params.serial));
    if (!certificate) throw new JlisError("CERTIFICATE_NOT_FOUND", `no certificate with serial ${req.params.serial}`);
    res.json(certificateJson(certificate, clock.now()));
  });

  return router;
}
