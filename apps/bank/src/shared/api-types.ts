/**
 * The bank's HTTP API in types: what the server writes and the web UI (src/web) and tests read. Types only,
 * so both the Node build and the Vite build can import it. The routes that produce these live in
 * src/server/routes; /openapi.json describes the same shapes.
 *
 * Customer API (`/api/...`, cookie session; every POST carries the CSRF token in `x-csrf-token`):
 *   GET  /api/session                          → SessionInfo (sets the browser cookie; token for POSTs)
 *   POST /api/applications                     ApplicationInput → 201 JourneyStarted      ①② account opening
 *   POST /api/logins                           {} → 201 JourneyStarted                    ①' login with R
 *   POST /api/logout                           {} → 204
 *   GET  /api/journeys/:id                     → JourneyView (any journey this browser started)
 *   POST /api/journeys/:id/relink              {} → 201 JourneyStarted  (a login refused as CUSTOMER_UNKNOWN:
 *                                                  sign once more with S; the bank follows old S → current S)
 *   GET  /api/account                          → AccountView (logged in only: 401 NOT_LOGGED_IN otherwise)
 *   POST /api/account/attribute-refresh        {} → 201 JourneyStarted  (consent signed with S → latest four
 *                                                  attributes from jlis linkage 3)
 * The portal sends the browser back to `GET /callback?code&state` (or `?error=access_denied&state`); the bank
 * redeems the code server-to-server, runs the checks and redirects (303) to `/journeys/:id`.
 *
 * Sandbox demo (read-only; src/server/walkthrough, apart from the bank's domain):
 *   GET  /api/walkthrough?journeys=<id>,<id>…  → WalkthroughView (the guided walkthrough's state for this browser)
 *
 * Staff API (`/api/staff/...`, HTTP Basic user `staff`; POSTs need the CSRF token too):
 *   GET  /api/staff/customers                  → { customers: StaffCustomerSummary[] }
 *   GET  /api/staff/customers/:id              → StaffCustomerView
 *   GET  /api/staff/journeys/:id               → JourneyView (any customer's journey, read-only)
 *   GET  /api/staff/revalidations              → { runs: RevalidationRunView[] }
 *   POST /api/staff/revalidations              {} → 201 RevalidationRunView  (re-validate every stored S now)
 *
 * Errors everywhere: RFC 9457 application/problem+json with a stable `code` (BankErrorCode).
 */

export type Sex = "male" | "female" | "unspecified";

/** The four basic attributes (基本4情報) as the customer types them into the form ①. */
export interface ApplicationInput {
  /** Family name, a space (full- or half-width), given name: 総務 (U+3000) 花子. */
  name: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  sex: Sex;
  /** From the prefecture on, as on the resident register. */
  address: string;
}

export interface SessionInfo {
  csrfToken: string;
  /** The logged-in customer, or null. */
  customer: { id: string; name: string } | null;
  /** The sandbox time (jlis's clock), ISO 8601; null when jlis cannot be reached. */
  sandboxNow: string | null;
  portalUrl: string;
  jlisUrl: string;
}

export type JourneyKind = "opening" | "login" | "relink" | "attributeRefresh";

/** What POST /api/applications, /api/logins, …/relink and /api/account/attribute-refresh answer. */
export interface JourneyStarted {
  journeyId: string;
  /** Send the browser here (the portal's approval page, ② / ②'). */
  approvalUrl: string;
}

/**
 * A journey's state:
 * - awaitingApproval: the citizen has not come back from the portal yet;
 * - completed: every check passed (account opened, logged in, link refreshed, attributes updated);
 * - rejected: a check failed — `rejection` says which and why;
 * - cancelled: the citizen cancelled at the portal (or the request expired there).
 */
export type JourneyStatus = "awaitingApproval" | "completed" | "rejected" | "cancelled";

export type StepOutcome = "passed" | "failed" | "skipped";

/** One check within a step (a step ④ has several: signature, kind, chain, validity). */
export interface CheckView {
  /** What was checked, in words ("the CMS signature verifies with the signer certificate's key"). */
  name: string;
  outcome: StepOutcome;
  /** What was found (a serial, an OCSP status and its thisUpdate, the fields that differ). */
  detail?: string;
}

/**
 * One numbered step of the slide's flow as it ran: ①–⑧ for account opening, ①'–⑥' for login, plus the
 * unnumbered bank-side steps (照合 match, 登録 register, 本人特定 identify, セッション session).
 */
export interface StepView {
  /** Stable key: "form", "signRequest", "signature", "verify", "ocspRequest", "ocspResponse", "match",
   *  "register", "linkageRequest", "linkageResponse", "challenge", "identify", "session", "followSigning",
   *  "consent", "attributes". */
  key: string;
  /** The slide's number ("①", "⑤'"), or "" for a bank-side step the slide does not number. */
  number: string;
  titleJa: string;
  titleEn: string;
  /** Who talks to whom ("bank → J-LIS (OCSP)"). */
  actors: string;
  outcome: StepOutcome;
  checks: CheckView[];
  /** The message that crossed, when there was one, for the walkthrough (base64 DER or JSON text). */
  message?: { label: string; contentType: string; body: string };
  /** ISO 8601 (sandbox time). */
  at: string | null;
}

/** Why a journey was refused: a stable code and words a person understands. */
export interface RejectionView {
  code: BankErrorCode;
  /** One line, English ("The signing certificate is revoked (affiliationChanged)"). */
  title: string;
  /** The same in Japanese. */
  titleJa: string;
  /** What happened and what the customer can do. */
  detail: string;
  /** ATTRIBUTES_MISMATCH: the fields that differ. */
  fields?: Array<"name" | "dateOfBirth" | "sex" | "address">;
  /** CERTIFICATE_REVOKED: the revocation reason (affiliationChanged, superseded, keyCompromise, cessationOfOperation). */
  revocationReason?: string;
}

export interface JourneyView {
  id: string;
  kind: JourneyKind;
  status: JourneyStatus;
  createdAt: string;
  completedAt: string | null;
  /** opening: what the customer typed. */
  application?: ApplicationInput;
  /** opening: the document the bank asked the customer to sign (UTF-8 text). */
  document?: string;
  steps: StepView[];
  rejection?: RejectionView;
  /** The customer this journey opened, logged in, relinked or refreshed. */
  customer?: { id: string; name: string };
  /** opening and relink: the S–R link the bank now keeps (hex serials). */
  link?: LinkView;
  /** login refused as CUSTOMER_UNKNOWN: the customer may sign once more with S (POST …/relink). */
  canRelink?: boolean;
  /** awaitingApproval: the portal's approval page, to resume there. */
  approvalUrl?: string;
  /** Where the page should offer to go next. */
  next?: "account" | "login" | "open";
}

export interface LinkView {
  signingSerial: string;
  userAuthSerial: string | null;
  createdAt: string;
  /** Why the link exists: account opening, re-validation (old S → current S), relink at login, … */
  source: "opening" | "revalidation" | "relink" | "attributeRefresh";
  active: boolean;
}

export type CustomerStatus = "active" | "suspended" | "closed";

export interface CustomerView {
  id: string;
  name: string;
  dateOfBirth: string;
  sex: Sex;
  address: string;
  status: CustomerStatus;
  /** Set when the S certificate was revoked with affiliationChanged: name or address may differ now. */
  attributesMayHaveChanged: boolean;
  /** Why the account is suspended or closed, in words. */
  statusReason: string | null;
  createdAt: string;
  attributesUpdatedAt: string;
}

export interface StatusEventView {
  at: string;
  /** opened, login, revalidated, signingRevoked, linkRefreshed, attributesFlagged, attributesUpdated,
   *  suspended, closed, relinked. */
  kind: string;
  summary: string;
}

export interface AccountView {
  customer: CustomerView;
  link: LinkView | null;
  history: StatusEventView[];
}

export interface StaffCustomerSummary {
  id: string;
  name: string;
  status: CustomerStatus;
  attributesMayHaveChanged: boolean;
  link: LinkView | null;
  createdAt: string;
  lastRevalidatedAt: string | null;
}

export interface StaffCustomerView extends AccountView {
  links: LinkView[];
  journeys: Array<Pick<JourneyView, "id" | "kind" | "status" | "createdAt" | "completedAt"> & { rejectionCode?: BankErrorCode }>;
}

export interface RevalidationResultView {
  customerId: string;
  customerName: string;
  signingSerial: string;
  /** good / revoked / unknown / unavailable (OCSP not reachable or tryLater after retries). */
  ocspStatus: "good" | "revoked" | "unknown" | "unavailable" | "expired";
  revocationReason?: string;
  /** What the bank did: nothing, followed old S → current S, flagged attributes, suspended, closed. */
  action: "none" | "followedToCurrent" | "flaggedAttributes" | "suspended" | "closed" | "retryLater";
  summary: string;
  newSigningSerial?: string;
}

export interface RevalidationRunView {
  id: string;
  trigger: "schedule" | "staff";
  startedAt: string;
  finishedAt: string | null;
  results: RevalidationResultView[];
}

/**
 * The guided walkthrough's state (GET /api/walkthrough; a sandbox demo, not part of the slide's flow). The UI
 * passes the ids of the journeys it started (it remembers them); the bank answers only those this browser owns.
 */
export interface WalkthroughView {
  /** This browser's latest journey of each kind among the ids given, with its steps and messages. */
  journeys: Partial<Record<JourneyKind, JourneyView>>;
  /** The account this browser knows: the logged-in customer, else the one its latest opening created. */
  customer: (AccountView & { source: "session" | "opening" }) | null;
  /** The portal as browsers reach it (counter, wallet, cards). */
  portalUrl: string;
  /** The portal's cards (a sandbox shows every card it holds), or why they could not be read. */
  portal: { available: true; cards: WalkthroughCard[] } | { available: false; error: string };
}

export interface WalkthroughCard {
  id: string;
  holderName: string;
  /** The portal's card status: active, lost, renewed, … */
  status: string;
  hasSigningCertificate: boolean;
  /** The documented demo PINs (TEST ONLY), for the seeded residents. */
  demoPins?: { userAuth: string; signing?: string };
  /** The card's current S serial (hex), read for the customer's own card only; null when it has no S. */
  signingSerial?: string | null;
}


/** Stable error codes (problem+json `code`, RejectionView.code). */
export type BankErrorCode =
  | "VALIDATION_FAILED"
  | "BAD_REQUEST"
  | "CSRF_INVALID"
  | "UNAUTHENTICATED"
  | "NOT_LOGGED_IN"
  | "NOT_FOUND"
  | "JOURNEY_NOT_FOUND"
  | "JOURNEY_NOT_PENDING"
  | "CALLBACK_INVALID"
  | "APPROVAL_CANCELLED"
  | "APPROVAL_CODE_REUSED"
  | "APPROVAL_CODE_INVALID"
  | "APPROVAL_FAILED"
  | "SIGNATURE_INVALID"
  | "DOCUMENT_MISMATCH"
  | "WRONG_CERTIFICATE_KIND"
  | "CERTIFICATE_UNTRUSTED"
  | "CERTIFICATE_EXPIRED"
  | "CERTIFICATE_NOT_YET_VALID"
  | "CERTIFICATE_REVOKED"
  | "OCSP_UNKNOWN"
  | "OCSP_TRY_LATER"
  | "OCSP_RESPONSE_INVALID"
  | "OCSP_UNAVAILABLE"
  | "CHALLENGE_REPLAYED"
  | "CHALLENGE_EXPIRED"
  | "CHALLENGE_UNKNOWN"
  | "ATTRIBUTES_MISMATCH"
  | "ALREADY_CUSTOMER"
  | "CUSTOMER_UNKNOWN"
  | "CUSTOMER_SUSPENDED"
  | "LINKAGE_UNAVAILABLE"
  | "LINKAGE_REFUSED"
  | "PORTAL_UNAVAILABLE"
  | "JLIS_UNAVAILABLE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INTERNAL";
