/** The bank's server-to-server API (HTTP Basic as a registered bank client): create requests, redeem codes. */
import { base64ToBytes } from "@jpki-sandbox/jpki-core";
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { ApprovalService } from "../../domain/approvals/approval-service.js";
import type { SigningRequestCreated } from "../../shared/api-types.js";
import { bankClientOf } from "../auth.js";
import { redeemSchema, signingRequestSchema } from "../schemas.js";

export function bankApiRoutes(approvals: ApprovalService, publicUrl: () => string): Router {
  const router = Router();
  router.post("/signing-requests", async (req, res) => {
    const input = parseInput(signingRequestSchema, req.body);
    const client = bankClientOf(res);
    const created = await approvals.create(
      client,
      input.kind === "sign"
        ? { ...input, document: base64ToBytes(input.document), contentType: input.documentContentType ?? "application/octet-stream" }
        : { ...input, challenge: base64ToBytes(input.challenge) },
    );
    const body: SigningRequestCreated = {
      id: created.id,
      approvalUrl: `${publicUrl()}/approve/${created.id}`,
      expiresAt: created.expiresAt.toISOString(),
    };
    res.status(201).json(body);
  });
  router.post("/signing-results", async (req, res) => {
    const { code, state } = parseInput(redeemSchema, req.body);
    res.setHeader("cache-control", "no-store");
    res.json(await approvals.redeem(bankClientOf(res), code, state));
  });
  return router;
}
