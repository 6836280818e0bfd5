/**
 * Typed client of the bank's browser API (`/api/...`, src/shared/api-types.ts), same origin with the session
 * cookie (and, for /api/staff, the browser's HTTP Basic session). Every POST carries the CSRF token of
 * GET /api/session in `x-csrf-token`; the session is fetched once and kept here, and a CSRF_INVALID answer (an
 * expired or rotated token) refetches it once and retries. Every failure is thrown as web-kit's ApiError carrying
 * an RFC 9457 problem.
 */
import { createSessionClient } from "@jpki-sandbox/web-kit";
import type {
  AccountView,
  ApplicationInput,
  JourneyStarted,
  JourneyView,
  RevalidationRunView,
  SessionInfo,
  StaffCustomerSummary,
  StaffCustomerView,
  WalkthroughView,
} from "../shared/api-types";
import { PROBLEM_TEXTS } from "./lib/problem";

export interface BankApiOptions {
  /** Where the browser API lives, e.g. "/api". */
  baseUrl: string;
  fetch?: typeof fetch;
}

export type BankApi = ReturnType<typeof createBankApi>;

const enc = encodeURIComponent;

export function createBankApi(options: BankApiOptions) {
  /** `session()`: the CSRF token, logged-in customer, sandbox time; fetched once unless `refresh`. */
  const { session, get, post } = createSessionClient<SessionInfo>({ baseUrl: options.baseUrl, fetch: options.fetch, texts: PROBLEM_TEXTS });

  const start = (path: string, body: unknown) => post<JourneyStarted>(path, body);

  return {
    session,

    /** ①② account opening: the bank keeps the form and sends the browser to the portal to sign it with S. */
    openAccount: (input: ApplicationInput) => start("/applications", input),
    /** ①' login: the bank makes a challenge and sends the browser to the portal to sign it with R. */
    startLogin: () => start("/logins", {}),
    /** POST /api/logout answers 204 No Content. */
    logout: () => post<void>("/logout", {}),

    journey: (id: string, signal?: AbortSignal) => get<JourneyView>(`/journeys/${enc(id)}`, signal),
    /** A login refused as CUSTOMER_UNKNOWN: sign once more with S; the bank follows old S → current S. */
    relink: (id: string) => start(`/journeys/${enc(id)}/relink`, {}),

    account: (signal?: AbortSignal) => get<AccountView>("/account", signal),
    refreshAttributes: () => start("/account/attribute-refresh", {}),

    /** The guided walkthrough's state for this browser: its latest journeys, the account, the portal's cards (sandbox demo). */
    walkthrough: (signal?: AbortSignal) => get<WalkthroughView>("/walkthrough", signal),

    staffCustomers: (signal?: AbortSignal) => get<{ customers: StaffCustomerSummary[] }>("/staff/customers", signal),
    staffCustomer: (id: string, signal?: AbortSignal) => get<StaffCustomerView>(`/staff/customers/${enc(id)}`, signal),
    staffJourney: (id: string, signal?: AbortSignal) => get<JourneyView>(`/staff/journeys/${enc(id)}`, signal),
    revalidations: (signal?: AbortSignal) => get<{ runs: RevalidationRunView[] }>("/staff/revalidations", signal),
    revalidateNow: () => post<RevalidationRunView>("/staff/revalidations", {}),
  };
}

/** The UI's client: the API sits at /api on the bank's own origin. */
export const api: BankApi = createBankApi({ baseUrl: "/api" });
