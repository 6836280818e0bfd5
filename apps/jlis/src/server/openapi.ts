/**
 * OpenAPI 3.1 description of jlis's JSON endpoints (and the binary PKI ones). Request schemas come from the
 * same zod schemas that validate the requests, so the document cannot drift from the code.
 */
import { buildOpenApiDocument, type OpenApiOperation } from "@jpki-sandbox/service-kit";
import { z } from "zod";
import { chaosSchema } from "../domain/sandbox-controls.js";
import { clockSchema } from "./routes/admin.js";
import { addressChangeSchema, cardRequestSchema, nameChangeSchema, residentInputSchema } from "./routes/counter.js";

type Security = "counter" | "verifier" | "admin";

const OPERATIONS: OpenApiOperation<Security>[] = [
  { method: "get", path: "/healthz", summary: "Liveness", responses: { 200: "ok" } },
  { method: "get", path: "/clock", summary: "Sandbox time (real time + operator offset)", responses: { 200: "now and offset" } },
  { method: "get", path: "/ca/{file}", summary: "CA or OCSP responder certificate: s.cer, r.cer, s-ocsp.cer, r-ocsp.cer (.pem for PEM)", responses: { 200: "certificate", 404: "no such file" }, produces: "application/pkix-cert" },
  { method: "post", path: "/ocsp/{ca}", summary: "RFC 6960 OCSP (ca = s or r)", bodyType: "application/ocsp-request", responses: { 200: "OCSPResponse (also malformedRequest, tryLater)", 415: "wrong content type" }, produces: "application/ocsp-response" },
  { method: "get", path: "/ocsp/{ca}/{request}", summary: "RFC 6960 Appendix A GET: URL-encoded base64 of the DER OCSPRequest", responses: { 200: "OCSPResponse, cacheable" }, produces: "application/ocsp-response" },
  { method: "get", path: "/crl/{ca}.crl", summary: "Complete CRL of the S or R CA", responses: { 200: "CRL" }, produces: "application/pkix-crl" },
  { method: "get", path: "/crl/{ca}/{prefectureRomaji}/{cityRomaji}.crl", summary: "Municipal CRL (critical issuingDistributionPoint)", responses: { 200: "CRL", 404: "no certificates for that municipality" }, produces: "application/pkix-crl" },
  { method: "post", path: "/api/v1/residents", summary: "Register a synthetic resident (住民)", security: "counter", body: residentInputSchema, responses: { 201: "resident", 400: "validation", 401: "credentials", 403: "scope" } },
  { method: "get", path: "/api/v1/residents/{residentId}", summary: "A resident and their cards", security: "counter", responses: { 200: "resident and cards", 404: "unknown" } },
  { method: "post", path: "/api/v1/residents/{residentId}/cards", summary: "Issue a card: R (and S) certificates for the card's keys, proven by PKCS#10", security: "counter", body: cardRequestSchema, responses: { 201: "card and certificates", 400: "bad CSR / proof of possession", 409: "active card exists, under 15 without request, deceased" } },
  { method: "post", path: "/api/v1/residents/{residentId}/death", summary: "Death: every certificate revoked cessationOfOperation", security: "counter", responses: { 200: "revoked certificates" } },
  { method: "post", path: "/api/v1/cards/{cardId}/address-change", summary: "Move house: S revoked affiliationChanged, new S on the card's new key; R untouched", security: "counter", body: addressChangeSchema, responses: { 200: "revoked and new S" } },
  { method: "post", path: "/api/v1/cards/{cardId}/name-change", summary: "Change of name: as a move", security: "counter", body: nameChangeSchema, responses: { 200: "revoked and new S" } },
  { method: "post", path: "/api/v1/cards/{cardId}/renewal", summary: "Renewal: new card, old S and R revoked superseded, old S → new S recorded", security: "counter", body: cardRequestSchema, responses: { 201: "new card" } },
  { method: "post", path: "/api/v1/cards/{cardId}/loss", summary: "Loss: S and R revoked keyCompromise", security: "counter", responses: { 200: "revoked certificates" } },
  { method: "get", path: "/api/v1/certificates/{serial}", summary: "A certificate and its status", security: "counter", responses: { 200: "certificate", 404: "unknown serial" } },
  { method: "get", path: "/linkage/v1/signing-certificates/{serial}/user-auth-certificate", summary: "Linkage 1 (⑦⑧): S serial → the holder's current R serial", security: "verifier", responses: { 200: "serials", 401: "no credentials", 403: "not permitted", 404: "unknown serial", 409: "no current R", 503: "unavailable" } },
  { method: "get", path: "/linkage/v1/signing-certificates/{serial}/current-signing-certificate", summary: "Linkage 2: old S → current S", security: "verifier", responses: { 200: "current S and succession", 401: "no credentials", 403: "not permitted", 404: "unknown serial" } },
  { method: "post", path: "/linkage/v1/attributes", summary: "Linkage 3: latest four attributes, with the holder's consent (CMS signed by their current S naming the verifier)", security: "verifier", body: z.object({ consent: z.string() }), responses: { 200: "attributes", 400: "consent invalid", 401: "no credentials", 403: "not permitted" } },
  { method: "get", path: "/admin/api/overview", summary: "Counts, clock, chaos", security: "admin", responses: { 200: "overview" } },
  { method: "get", path: "/admin/api/residents", summary: "Residents with cards", security: "admin", responses: { 200: "residents" } },
  { method: "get", path: "/admin/api/certificates", summary: "Certificates (query kind, status, residentId, limit)", security: "admin", responses: { 200: "certificates" } },
  { method: "post", path: "/admin/api/certificates/{serial}/revoke", summary: "Revoke with a reason (final)", security: "admin", body: z.object({ reason: z.string() }), responses: { 200: "revoked certificate", 404: "unknown", 409: "already revoked" } },
  { method: "get", path: "/admin/api/crls", summary: "Latest CRL of every scope", security: "admin", responses: { 200: "CRLs" } },
  { method: "get", path: "/admin/api/clock", summary: "Sandbox clock", security: "admin", responses: { 200: "clock" } },
  { method: "post", path: "/admin/api/clock", summary: "Advance by an ISO 8601 duration ({advance: \"P5Y\"}) or reset ({reset: true})", security: "admin", body: clockSchema, responses: { 200: "clock" } },
  { method: "post", path: "/admin/clock", summary: "Same as POST /admin/api/clock (the path DESIGN.md names)", security: "admin", body: clockSchema, responses: { 200: "clock" } },
  { method: "get", path: "/admin/api/chaos", summary: "Chaos knobs", security: "admin", responses: { 200: "chaos" } },
  { method: "put", path: "/admin/api/chaos", summary: "Set the chaos knobs", security: "admin", body: chaosSchema, responses: { 200: "chaos" } },
  { method: "get", path: "/admin/api/verifiers", summary: "Accredited verifiers", security: "admin", responses: { 200: "verifiers" } },
  { method: "post", path: "/admin/api/verifiers", summary: "Register a verifier; the secret is returned once", security: "admin", body: z.object({ name: z.string(), id: z.string().optional(), scopes: z.array(z.string()) }), responses: { 201: "verifier and secret" } },
  { method: "get", path: "/admin/api/counters", summary: "Municipal counters", security: "admin", responses: { 200: "counters" } },
  { method: "get", path: "/admin/api/audit", summary: "Audit log, newest first (limit, before)", security: "admin", responses: { 200: "events" } },
];

export function openApiDocument(serverUrl: string) {
  return buildOpenApiDocument({
    title: "JPKI Sandbox — mock J-LIS (TEST ONLY)",
    serverUrl,
    operations: OPERATIONS,
    securitySchemes: {
      counter: { type: "http", scheme: "basic", description: "municipal counter: counter id and secret" },
      verifier: { type: "http", scheme: "basic", description: "accredited verifier: client id and secret" },
      admin: { type: "http", scheme: "basic", description: "operator: admin and JPKI_JLIS_ADMIN_PASSWORD" },
    },
  });
}
