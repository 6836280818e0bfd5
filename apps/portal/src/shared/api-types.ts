/**
 * The portal's HTTP API in types: what the server writes and the web UI (src/web) and tests read. Types only,
 * so both the Node build and the Vite build can import it. The routes that produce these live in
 * src/server/routes; /openapi.json describes the same shapes.
 *
 * Browser API (`/api/...`, cookie session + CSRF token in the `x-csrf-token` header on every POST):
 *   GET  /api/session                           → SessionInfo (sets the session cookie; token for POSTs)
 *   GET  /api/personas                          → { personas: Persona[] }           built-in seed personas
 *   GET  /api/personas/random                   → { persona: Persona }              a fresh synthetic one
 *   POST /api/counter/cards                     IssueCardInput → 201 { card: CardView }
 *   POST /api/counter/cards/:id/address-change  AddressChangeInput → { card: CardView }
 *   POST /api/counter/cards/:id/name-change     NameChangeInput → { card: CardView }
 *   POST /api/counter/cards/:id/loss            {} → { card: CardView }
 *   POST /api/counter/cards/:id/renewal         RenewalInput → 201 { card: CardView }  (the new card)
 *   POST /api/counter/cards/:id/pin-reset       PinResetInput → { card: CardView }
 *   GET  /api/cards                             → { cards: CardSummary[] }
 *   GET  /api/cards/:id                         → { card: CardView }
 *   GET  /api/cards/:id/status                  → CardStatusView (live OCSP at jlis)
 *   GET  /api/cards/:id/apdu-log                → { entries: ApduLogEntry[] }
 *   GET  /api/approvals/:id                     → ApprovalView
 *   POST /api/approvals/:id/approve             ApproveInput → { redirectTo }   | problem PIN_INCORRECT { triesLeft } | PIN_BLOCKED | …
 *   POST /api/approvals/:id/cancel              {} → { redirectTo }
 * Bank API (`/api/v1/...`, HTTP Basic with the bank client's id and secret, no cookies):
 *   POST /api/v1/signing-requests               SigningRequestInput → 201 SigningRequestCreated
 *   POST /api/v1/signing-results                { code, state } → SigningResult (once per code)
 * Operator API (HTTP Basic, user `admin`): /api/v1/counter/citizens (the CLI), /admin/api/bank-clients.
 * Errors everywhere: RFC 9457 application/problem+json with a stable `code`.
 */

export type Sex = "male" | "female" | "unspecified";
export type CardStatus = "active" | "renewed" | "lost" | "holderDeceased" | "expired";
export type PinKind = "userAuth" | "signing";
export type CertificateKind = "S" | "R";

/** A synthetic resident (JPKI.md "Personas"). */
export interface Persona {
  id: string;
  name: string;
  sex: Sex;
  dateOfBirth: string;
  address: string;
  prefecture: string;
  city: string;
  prefectureRomaji: string;
  cityRomaji: string;
  localGovernmentCode: string;
  requestSigningCertificate?: boolean;
}

export interface SessionInfo {
  csrfToken: string;
  /** Where jlis is (for links to its console and certificates). */
  jlisUrl: string;
  /** The sandbox time (jlis's clock), ISO 8601. */
  sandboxNow: string;
}

export interface IssueCardInput {
  persona: Persona;
  /** R PIN (利用者証明用パスワード): 4 digits. */
  userAuthPin: string;
  /** S PIN (署名用パスワード): 6–16 digits or upper-case letters; omitted when no S is issued (under 15). */
  signingPin?: string;
}

/** Where a resident lives, as the four attributes and the S subject carry it. */
export type ResidentAddress = Pick<Persona, "address" | "prefecture" | "city" | "prefectureRomaji" | "cityRomaji" | "localGovernmentCode">;

export interface AddressChangeInput extends ResidentAddress {
  /** The PIN of the new S key (a new S certificate is issued; the old one is revoked affiliationChanged). */
  signingPin?: string;
}

export interface NameChangeInput {
  name: string;
  signingPin?: string;
}

export interface RenewalInput {
  userAuthPin: string;
  signingPin?: string;
}

export interface PinResetInput {
  pin: PinKind;
  newPin: string;
}

export interface PinState {
  triesLeft: number;
  maxTries: number;
  blocked: boolean;
}

/** The four attributes (基本4情報) as an S certificate carries them. */
export interface FourAttributesView {
  name: string;
  dateOfBirth: string | null;
  /** The SAN value: era digit + YYYYMMDD, e.g. 420100331. */
  dateOfBirthValue: string;
  sex: Sex;
  /** The SAN value: 1 male, 2 female, 3 unspecified. */
  sexValue: string;
  address: string;
  nameSubstitutePositions: string;
  addressSubstitutePositions: string;
}

export interface CertificateView {
  kind: CertificateKind;
  /** Hex, lower case. */
  serialNumber: string;
  serialNumberDecimal: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** S only; R carries none. */
  attributes: FourAttributesView | null;
  pem: string;
}

export interface CardSummary {
  id: string;
  residentId: string;
  holderName: string;
  status: CardStatus;
  issuedAt: string;
  expiresAt: string;
  hasSigningCertificate: boolean;
  pins: { userAuth: PinState; signing: PinState | null };
}

export interface CardView extends CardSummary {
  persona: Persona;
  /** The card that replaced this one at renewal (status "renewed"). */
  successorCardId: string | null;
  certificates: { userAuth: CertificateView | null; signing: CertificateView | null };
}

export type OcspStatus = "good" | "revoked" | "unknown" | "unavailable";

export interface CertificateStatusView {
  kind: CertificateKind;
  serialNumber: string;
  status: OcspStatus;
  revokedAt?: string;
  reason?: string;
  thisUpdate?: string;
  producedAt?: string;
  /** Why the status could not be learnt (status "unavailable"). */
  error?: string;
  /** Sandbox time of the check. */
  checkedAt: string;
  /** Past notAfter at sandbox time. */
  expired: boolean;
}

export interface CardStatusView {
  cardId: string;
  userAuth: CertificateStatusView | null;
  signing: CertificateStatusView | null;
}

export interface ApduLogEntry {
  at: string;
  command: string;
  response: string;
  description: string;
  status: string;
}

export type ApprovalKind = "sign" | "auth";
export type ApprovalStatus = "pending" | "approved" | "redeemed" | "cancelled" | "expired";

export interface ApprovalView {
  id: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  client: { id: string; name: string };
  displayText: string;
  createdAt: string;
  expiresAt: string;
  /** kind "sign": what will be signed. `text` when the document is UTF-8 text. */
  document: { contentType: string; size: number; sha256: string; text: string | null } | null;
  /** kind "auth": the challenge, hex. */
  challenge: string | null;
  /**
   * Cards holding the certificate the kind needs (S for sign, R for auth), in any status: a card reported
   * lost or renewed still signs, as a real card would; the bank's OCSP check is what refuses it.
   */
  cards: CardSummary[];
}

export interface ApproveInput {
  cardId: string;
  pin: string;
}

export interface RedirectResult {
  redirectTo: string;
}

export type SigningRequestInput =
  | {
      kind: "sign";
      /** The document, base64. */
      document: string;
      documentContentType?: string;
      displayText: string;
      returnUrl: string;
      state: string;
    }
  | {
      kind: "auth";
      /** The challenge bytes, base64. */
      challenge: string;
      displayText: string;
      returnUrl: string;
      state: string;
    };

export interface SigningRequestCreated {
  id: string;
  /** Send the browser here. */
  approvalUrl: string;
  expiresAt: string;
}

export type SigningResult =
  | {
      kind: "sign";
      requestId: string;
      cardId: string;
      /** Attached CMS SignedData (RFC 5652), DER in base64, carrying the S certificate. */
      signedData: string;
      signingCertificate: string;
    }
  | {
      kind: "auth";
      requestId: string;
      cardId: string;
      /** RSASSA-PKCS1-v1_5 SHA-256 signature over the challenge bytes, base64. */
      signature: string;
      userAuthCertificate: string;
    };
