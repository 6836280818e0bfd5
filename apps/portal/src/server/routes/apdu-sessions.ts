/**
 * The operator's APDU session API (HTTP Basic, user admin): a wallet card in a card reader, for the PC/SC
 * bridge (`jpki-sandbox card attach`). See src/domain/cards/apdu-sessions.ts for what a session is.
 *   POST   /api/v1/cards/:cardId/apdu-sessions                      power up → { sessionId, cardId, atr, idleTimeoutSeconds }
 *   POST   /api/v1/cards/:cardId/apdu-sessions/:sessionId/transmit  { apdu: hex } → { response: hex }
 *   DELETE /api/v1/cards/:cardId/apdu-sessions/:sessionId           power down
 * APDUs are never logged here (the request logger does not log bodies): VERIFY carries a PIN.
 */
import { parseInput } from "@jpki-sandbox/service-kit";
import { Router } from "express";
import type { ApduSessions } from "../../domain/cards/apdu-sessions.js";
import { transmitApduSchema } from "../apdu-session-schemas.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();

export function apduSessionRoutes(sessions: ApduSessions): Router {
  const router = Router();
  router.post("/:cardId/apdu-sessions", async (req, res) => {
    const opened = await sessions.open(req.params.cardId);
    res.status(201).json({ sessionId: opened.sessionId, cardId: opened.cardId, atr: hex(opened.atr), idleTimeoutSeconds: opened.idleTimeoutSeconds });
  });
  router.post("/:cardId/apdu-sessions/:sessionId/transmit", async (req, res) => {
    const { apdu } = parseInput(transmitApduSchema, req.body);
    const response = await sessions.transmit(req.params.cardId, req.params.sessionId, Uint8Array.from(Buffer.from(apdu, "hex")));
    res.json({ response: hex(response) });
  });
  router.delete("/:cardId/apdu-sessions/:sessionId", (req, res) => {
    sessions.close(req.params.cardId, req.params.sessionId);
    res.status(204).end();
  });
  return router;
}
