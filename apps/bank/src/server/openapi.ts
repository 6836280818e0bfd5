/** OpenAPI 3.1 description of the bank's API, request schemas from the zod schemas that validate them. */
import { buildOpenApiDocument, type OpenApiOperation } from "@jpki-sandbox/service-kit";
import { applicationSchema } from "./schemas.js";

type Security = "browser" | "staff";

const OPERATIONS: OpenApiOperation<Security>[] = [
  { method: "get", path: "/healthz", summary: "Liveness", responses: { 200: "ok" } },
  { method: "get", path: "/api/session", summary: "Browser cookie, CSRF token for POSTs (x-csrf-token), the logged-in customer, sandbox time", responses: { 200: "SessionInfo" } },
  { method: "post", path: "/api/applications", summary: "①② account opening: the four attributes; answers the portal URL where the customer signs with S", security: "browser", body: applicationSchema, responses: { 201: "journeyId, approvalUrl", 400: "VALIDATION_FAILED", 403: "CSRF_INVALID", 503: "PORTAL_UNAVAILABLE" } },
  { method: "post", path: "/api/logins", summary: "①' login: a fresh challenge; answers the portal URL where the customer signs it with R", security: "browser", responses: { 201: "journeyId, approvalUrl" } },
  { method: "post", path: "/api/logout", summary: "End the session", security: "browser", responses: { 204: "logged out" } },
  { method: "get", path: "/callback", summary: "Return from the portal (code + state, or error=access_denied): redeem, check ③–⑧ / ③'–⑥', 303 to /journeys/{id}", responses: { 303: "to the journey page", 400: "CALLBACK_INVALID (HTML)" } },
  { method: "get", path: "/api/journeys/{id}", summary: "A journey of this browser: status, the steps that ran with their checks and messages, the rejection", responses: { 200: "JourneyView", 404: "JOURNEY_NOT_FOUND" } },
  { method: "post", path: "/api/journeys/{id}/relink", summary: "After a login refused as CUSTOMER_UNKNOWN: sign once more with S; the bank follows old S → current S", security: "browser", responses: { 201: "journeyId, approvalUrl", 409: "JOURNEY_NOT_PENDING" } },
  { method: "get", path: "/api/account", summary: "My account: attributes, the S–R link, history", responses: { 200: "AccountView", 401: "NOT_LOGGED_IN" } },
  { method: "post", path: "/api/account/attribute-refresh", summary: "Consent signed with S → latest four attributes from J-LIS (linkage 3)", security: "browser", responses: { 201: "journeyId, approvalUrl", 401: "NOT_LOGGED_IN" } },
  { method: "get", path: "/api/walkthrough", summary: "The guided walkthrough's state (sandbox demo): the latest journey of each kind this browser started, the customer's link, the portal's cards", responses: { 200: "WalkthroughView" } },
  { method: "get", path: "/api/staff/customers", summary: "Customers with their S–R links", security: "staff", responses: { 200: "customers", 401: "UNAUTHENTICATED" } },
  { method: "get", path: "/api/staff/customers/{id}", summary: "A customer: links (history), status history, journeys", security: "staff", responses: { 200: "StaffCustomerView", 404: "NOT_FOUND" } },
  { method: "get", path: "/api/staff/journeys/{id}", summary: "Any customer's journey, read-only (the staff view's links)", security: "staff", responses: { 200: "JourneyView", 404: "JOURNEY_NOT_FOUND" } },
  { method: "get", path: "/api/staff/revalidations", summary: "Recent re-validation runs and their results", security: "staff", responses: { 200: "runs" } },
  { method: "post", path: "/api/staff/revalidations", summary: "Re-validate every stored S now (OCSP; follow old S → current S; flag, suspend or close)", security: "staff", responses: { 201: "the run" } },
];

export function openApiDocument(serverUrl: string) {
  return buildOpenApiDocument({
    title: "JPKI Sandbox — Sandbox Bank, the relying party (TEST ONLY)",
    serverUrl,
    operations: OPERATIONS,
    securitySchemes: {
      browser: { type: "apiKey", in: "header", name: "x-csrf-token", description: "the bank's own pages: browser cookie + CSRF token from GET /api/session" },
      staff: { type: "http", scheme: "basic", description: "staff: user staff and JPKI_BANK_STAFF_PASSWORD" },
    },
  });
}
