/**
 * Typed client for jlis's admin JSON API (`/admin/api/...`, same origin, behind the browser's HTTP Basic
 * session). Every failure is thrown as web-kit's ApiError carrying an RFC 9457 problem.
 */
import { requestJson } from "@jpki-sandbox/web-kit";
import type { RevocationReason } from "./lib/labels";
import { PROBLEM_TEXTS } from "./lib/problem";

export type CertificateKind = "S" | "R";
export type CertificateStatus = "good" | "revoked" | "expired";
export type Sex = "male" | "female" | "unspecified";
export type CardStatus = "active" | "renewed" | "lost" | "holderDeceased" | "expired";
export type OcspMode = "off" | "tryLater" | "unknown" | "stale";
export type LinkageMode = "off" | "unavailable";
export type ActorType = "counter" | "verifier" | "admin" | "system";
export type AuditOutcome = "ok" | "denied" | "error";

export interface ClockReading {
  now: string;
  offsetMs: number;
}

export interface Chaos {
  ocsp: { mode: OcspMode; delayMs: number };
  linkage: { mode: LinkageMode; delayMs: number };
}

export type StatusCounts = Record<CertificateStatus, number>;

export interface Overview {
  clock: ClockReading;
  counts: { residents: number; certificates: Record<CertificateKind, StatusCounts> };
  chaos: Chaos;
}

export interface Card {
  id: string;
  status: CardStatus;
  issuedAt: string;
  expiresAt: string;
}

export interface Resident {
  id: string;
  name: string;
  sex: Sex;
  dateOfBirth: string;
  address: string;
  prefecture: string;
  city: string;
  createdAt: string;
  deceasedAt: string | null;
  cards: Card[];
}

export interface Certificate {
  serialNumber: string;
  kind: CertificateKind;
  status: CertificateStatus;
  subject: string;
  notBefore: string;
  notAfter: string;
  revokedAt?: string;
  revocationReason?: string;
  residentId: string;
  residentName: string;
  cardId: string;
  municipality?: { prefectureRomaji: string; cityRomaji: string };
  pem: string;
}

export interface CertificateFilter {
  kind?: CertificateKind | undefined;
  status?: CertificateStatus | undefined;
}

export interface Crl {
  kind: CertificateKind;
  /** "full" for the complete CRL of the CA, else "Tokyo-to/Chiyoda-ku" for a municipal one. */
  scope: string;
  url: string;
  crlNumber: string;
  thisUpdate: string;
  nextUpdate: string;
  entries: number;
}

export interface Verifier {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  disabledAt: string | null;
}

export interface NewVerifier {
  name: string;
  scopes: string[];
}

export interface CreatedVerifier {
  verifier: Verifier;
  secret: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorType: ActorType;
  actorId: string;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
}

export interface AuditQuery {
  limit?: number;
  before?: string | undefined;
}

export interface AdminApiOptions {
  /** Where the admin API lives, e.g. "/admin/api". */
  baseUrl: string;
  fetch?: typeof fetch;
}

export type AdminApi = ReturnType<typeof createAdminApi>;

export function createAdminApi(options: AdminApiOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const request = <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> =>
    requestJson<T>(doFetch, base + path, { method, body, signal }, PROBLEM_TEXTS);

  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
    const qs = search.toString();
    return qs === "" ? "" : `?${qs}`;
  };

  return {
    overview: (signal?: AbortSignal) => request<Overview>("GET", "/overview", undefined, signal),

    residents: (signal?: AbortSignal) => request<{ residents: Resident[] }>("GET", "/residents", undefined, signal),

    certificates: (filter: CertificateFilter = {}, signal?: AbortSignal) =>
      request<{ certificates: Certificate[] }>("GET", `/certificates${query({ kind: filter.kind, status: filter.status })}`, undefined, signal),

    revokeCertificate: (serialNumber: string, reason: RevocationReason) =>
      request<Certificate>("POST", `/certificates/${encodeURIComponent(serialNumber)}/revoke`, { reason }),

    crls: (signal?: AbortSignal) => request<{ crls: Crl[] }>("GET", "/crls", undefined, signal),

    clock: (signal?: AbortSignal) => request<ClockReading>("GET", "/clock", undefined, signal),
    advanceClock: (isoDuration: string) => request<ClockReading>("POST", "/clock", { advance: isoDuration }),
    resetClock: () => request<ClockReading>("POST", "/clock", { reset: true }),

    chaos: (signal?: AbortSignal) => request<Chaos>("GET", "/chaos", undefined, signal),
    saveChaos: (chaos: Chaos) => request<Chaos>("PUT", "/chaos", chaos),

    verifiers: (signal?: AbortSignal) => request<{ verifiers: Verifier[] }>("GET", "/verifiers", undefined, signal),
    createVerifier: (input: NewVerifier) => request<CreatedVerifier>("POST", "/verifiers", input),

    audit: (q: AuditQuery = {}, signal?: AbortSignal) =>
      request<{ events: AuditEvent[] }>("GET", `/audit${query({ limit: q.limit, before: q.before })}`, undefined, signal),
  };
}

/** The console's client: the API sits under the console's own base path (`/admin/` → `/admin/api`). */
// Absolute, from location.origin: a page opened as http://user:pass@host/admin/ has credentials in its base
// URL, and fetch() refuses to resolve a relative URL against it; origin never carries them.
export const api: AdminApi = createAdminApi({
  baseUrl: `${typeof location === "undefined" ? "" : location.origin}${import.meta.env.BASE_URL ?? "/admin/"}api`,
});
