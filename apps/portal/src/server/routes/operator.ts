/**
 * The operator's API (HTTP Basic, user admin): the CLI's `citizen create` (a card issued at the counter
 * without a browser) and the bank-client registry.
 */
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { BankClients } from "../../domain/bank-clients.js";
import type { CounterService } from "../../domain/counter/counter-service.js";
import { bankClientSchema, citizenSchema } from "../schemas.js";

export function operatorRoutes(counter: CounterService): Router {
  const router = Router();
  router.post("/citizens", async (req, res) => {
    const input = parseInput(citizenSchema, req.body);
    const record = await counter.issueCard(input);
    res.status(201).json({
      residentId: record.residentId,
      cardId: record.id,
      sSerial: record.signingSerial,
      rSerial: record.userAuthSerial,
      sCertificate: record.signingCertificatePem,
      rCertificate: record.userAuthCertificatePem,
      expiresAt: record.expiresAt.toISOString(),
    });
  });
  return router;
}

export function bankClientRoutes(clients: BankClients): Router {
  const router = Router();
  const json = (client: Awaited<ReturnType<BankClients["list"]>>[number]) => ({
    id: client.id,
    name: client.name,
    returnOrigins: client.returnOrigins,
    createdAt: client.createdAt.toISOString(),
    disabledAt: client.disabledAt?.toISOString() ?? null,
  });
  router.get("/bank-clients", async (_req, res) => {
    res.json({ clients: (await clients.list()).map(json) });
  });
  router.post("/bank-clients", async (req, res) => {
    const { client, secret } = await clients.register(parseInput(bankClientSchema, req.body));
    res.status(201).json({ client: json(client), secret });
  });
  return router;
}
