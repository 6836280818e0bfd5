/** OpenAPI 3.1 description of the portal's API, request schemas from the zod schemas that validate them. */
import { portalChaosSchema } from "../domain/chaos/signing-result-chaos.js";
import { buildOpenApiDocument, type OpenApiOperation } from "@jpki-sandbox/service-kit";
import {
  addressChangeSchema,
  approveSchema,
  bankClientSchema,
  citizenSchema,
  issueCardSchema,
  nameChangeSchema,
  pinResetSchema,
  redeemSchema,
  renewalSchema,
  signingRequestSchema,
} from "./schemas.js";
import { transmitApduSchema } from "./apdu-session-schemas.js";

type Security = "bank" | "admin" | "browser";

const OPERATIONS: OpenApiOperation<Security>[] = [
  { method: "get", path: "/healthz", summary: "Liveness", responses: { 200: "ok" } },
  { method: "get", path: "/api/session", summary: "Session cookie and the CSRF token the browser API's POSTs send as x-csrf-token", responses: { 200: "csrfToken, jlisUrl, sandboxNow" } },
  { method: "get", path: "/api/personas", summary: "Built-in seed personas (花子)", responses: { 200: "personas" } },
  { method: "get", path: "/api/personas/random", summary: "A synthetic resident", responses: { 200: "persona" } },
  { method: "post", path: "/api/counter/cards", summary: "市区町村窓口: register the resident at jlis and issue a virtual card (keys made on the card, certificates by PKCS#10)", security: "browser", body: issueCardSchema, responses: { 201: "card", 400: "validation / PIN_FORMAT", 403: "CSRF_INVALID", 409: "jlis refused" } },
  { method: "post", path: "/api/counter/cards/{id}/address-change", summary: "住所変更: new S key and certificate (old S revoked affiliationChanged); R untouched", security: "browser", body: addressChangeSchema, responses: { 200: "card", 409: "card not usable" } },
  { method: "post", path: "/api/counter/cards/{id}/name-change", summary: "氏名変更: as a move", security: "browser", body: nameChangeSchema, responses: { 200: "card" } },
  { method: "post", path: "/api/counter/cards/{id}/loss", summary: "紛失届: S and R revoked keyCompromise", security: "browser", responses: { 200: "card" } },
  { method: "post", path: "/api/counter/cards/{id}/renewal", summary: "更新: a new card, the old one's certificates revoked superseded", security: "browser", body: renewalSchema, responses: { 201: "the new card" } },
  { method: "post", path: "/api/counter/cards/{id}/pin-reset", summary: "パスワード初期化: new PIN, retry counter reset", security: "browser", body: pinResetSchema, responses: { 200: "card" } },
  { method: "get", path: "/api/cards", summary: "The citizen's cards", responses: { 200: "cards" } },
  { method: "get", path: "/api/cards/{id}", summary: "A card: certificates decoded, PIN counters", responses: { 200: "card", 404: "unknown" } },
  { method: "get", path: "/api/cards/{id}/status", summary: "Live OCSP status of the card's certificates at jlis", responses: { 200: "statuses" } },
  { method: "get", path: "/api/cards/{id}/apdu-log", summary: "The card's APDU trace (PINs masked), newest first", responses: { 200: "entries" } },
  { method: "get", path: "/api/approvals/{id}", summary: "A bank's signing request as the citizen sees it", responses: { 200: "approval", 404: "unknown" } },
  { method: "post", path: "/api/approvals/{id}/approve", summary: "Sign with the chosen card and PIN; answers where to send the browser (code + state)", security: "browser", body: approveSchema, responses: { 200: "redirectTo", 403: "PIN_INCORRECT (triesLeft)", 410: "APPROVAL_EXPIRED", 423: "PIN_BLOCKED" } },
  { method: "post", path: "/api/approvals/{id}/cancel", summary: "Decline; the bank gets error=access_denied", security: "browser", responses: { 200: "redirectTo" } },
  { method: "post", path: "/api/v1/signing-requests", summary: "Bank: ask a citizen to sign a document (kind sign, S) or a challenge (kind auth, R)", security: "bank", body: signingRequestSchema, responses: { 201: "id, approvalUrl, expiresAt", 400: "validation / RETURN_URL_NOT_ALLOWED", 401: "credentials" } },
  { method: "post", path: "/api/v1/signing-results", summary: "Bank: redeem the one-time code (single use, short-lived, bound to the client and state)", security: "bank", body: redeemSchema, responses: { 200: "CMS SignedData + S certificate, or signature + R certificate", 400: "APPROVAL_CODE_INVALID / _EXPIRED / _REUSED / APPROVAL_STATE_MISMATCH", 401: "credentials" } },
  { method: "post", path: "/api/v1/counter/citizens", summary: "Operator (CLI): register a persona and issue a virtual card", security: "admin", body: citizenSchema, responses: { 201: "resident, card, serials and certificates" } },
  { method: "post", path: "/api/v1/cards/{id}/apdu-sessions", summary: "Operator (PC/SC bridge): power the card up in a card reader; ends its previous session. Selected file and verified PINs live in this session only (like a card's RAM); counters and the APDU log are stored after every command", security: "admin", responses: { 201: "sessionId, cardId, atr (hex), idleTimeoutSeconds", 404: "CARD_NOT_FOUND" } },
  { method: "post", path: "/api/v1/cards/{id}/apdu-sessions/{sessionId}/transmit", summary: "Operator (PC/SC bridge): one C-APDU (hex) to the card; the R-APDU (hex) once the card's new state is stored", security: "admin", body: transmitApduSchema, responses: { 200: "response (hex, data + SW1 SW2)", 404: "APDU_SESSION_NOT_FOUND", 409: "APDU_SESSION_ENDED (the card changed elsewhere, or another session took it)" } },
  { method: "delete", path: "/api/v1/cards/{id}/apdu-sessions/{sessionId}", summary: "Operator (PC/SC bridge): power the card down; its transient state is gone", security: "admin", responses: { 204: "closed", 404: "APDU_SESSION_NOT_FOUND" } },
  { method: "get", path: "/admin/api/bank-clients", summary: "Registered bank clients", security: "admin", responses: { 200: "clients" } },
  { method: "post", path: "/admin/api/bank-clients", summary: "Register a bank client; the secret is returned once", security: "admin", body: bankClientSchema, responses: { 201: "client and secret" } },
  { method: "get", path: "/admin/api/chaos", summary: "Chaos settings for relying parties' tests", security: "admin", responses: { 200: "{ signingResult }" } },
  { method: "put", path: "/admin/api/chaos", summary: "Set chaos: signingResult `tamper` alters one byte of each redeemed signing result (the document inside the CMS, or the signature)", security: "admin", body: portalChaosSchema, responses: { 200: "the new settings" } },
];

export function openApiDocument(serverUrl: string) {
  return buildOpenApiDocument({
    title: "JPKI Sandbox — citizen portal (TEST ONLY)",
    serverUrl,
    operations: OPERATIONS,
    securitySchemes: {
      bank: { type: "http", scheme: "basic", description: "registered bank client: client id and secret" },
      admin: { type: "http", scheme: "basic", description: "operator: admin and JPKI_PORTAL_ADMIN_PASSWORD" },
      browser: { type: "apiKey", in: "header", name: "x-csrf-token", description: "the portal's own pages: session cookie + CSRF token from GET /api/session" },
    },
  });
}
