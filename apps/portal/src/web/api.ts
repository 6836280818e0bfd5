/**
 * Typed client of the portal's browser API (`/api/...`, src/shared/api-types.ts), same origin with the
 * session cookie. Every POST carries the CSRF token of GET /api/session in `x-csrf-token`; the session is
 * fetched once and kept here, and a CSRF_INVALID answer (an expired or rotated token) refetches it once and
 * retries (web-kit's createSessionClient). Every failure is thrown as web-kit's ApiError carrying an RFC 9457 problem.
 */
import { createSessionClient } from "@jpki-sandbox/web-kit";
import type {
  AddressChangeInput,
  ApduLogEntry,
  ApprovalView,
  ApproveInput,
  CardStatusView,
  CardSummary,
  CardView,
  IssueCardInput,
  NameChangeInput,
  Persona,
  PinResetInput,
  RedirectResult,
  RenewalInput,
  SessionInfo,
} from "../shared/api-types";
import { PROBLEM_TEXTS } from "./lib/problem";

export interface PortalApiOptions {
  /** Where the browser API lives, e.g. "/api". */
  baseUrl: string;
  fetch?: typeof fetch;
}

export type PortalApi = ReturnType<typeof createPortalApi>;

const enc = encodeURIComponent;

export function createPortalApi(options: PortalApiOptions) {
  /** `session()`: the CSRF token, jlis URL, sandbox time; fetched once unless `refresh`. */
  const { session, get, post } = createSessionClient<SessionInfo>({ baseUrl: options.baseUrl, fetch: options.fetch, texts: PROBLEM_TEXTS });

  return {
    session,

    personas: (signal?: AbortSignal) => get<{ personas: Persona[] }>("/personas", signal),
    randomPersona: (signal?: AbortSignal) => get<{ persona: Persona }>("/personas/random", signal),

    issueCard: (input: IssueCardInput) => post<{ card: CardView }>("/counter/cards", input),
    changeAddress: (cardId: string, input: AddressChangeInput) => post<{ card: CardView }>(`/counter/cards/${enc(cardId)}/address-change`, input),
    changeName: (cardId: string, input: NameChangeInput) => post<{ card: CardView }>(`/counter/cards/${enc(cardId)}/name-change`, input),
    reportLoss: (cardId: string) => post<{ card: CardView }>(`/counter/cards/${enc(cardId)}/loss`, {}),
    renewCard: (cardId: string, input: RenewalInput) => post<{ card: CardView }>(`/counter/cards/${enc(cardId)}/renewal`, input),
    resetPin: (cardId: string, input: PinResetInput) => post<{ card: CardView }>(`/counter/cards/${enc(cardId)}/pin-reset`, input),

    cards: (signal?: AbortSignal) => get<{ cards: CardSummary[] }>("/cards", signal),
    card: (cardId: string, signal?: AbortSignal) => get<{ card: CardView }>(`/cards/${enc(cardId)}`, signal),
    cardStatus: (cardId: string, signal?: AbortSignal) => get<CardStatusView>(`/cards/${enc(cardId)}/status`, signal),
    apduLog: (cardId: string, signal?: AbortSignal) => get<{ entries: ApduLogEntry[] }>(`/cards/${enc(cardId)}/apdu-log`, signal),

    approval: (approvalId: string, signal?: AbortSignal) => get<ApprovalView>(`/approvals/${enc(approvalId)}`, signal),
    approve: (approvalId: string, input: ApproveInput) => post<RedirectResult>(`/approvals/${enc(approvalId)}/approve`, input),
    cancelApproval: (approvalId: string) => post<RedirectResult>(`/approvals/${enc(approvalId)}/cancel`, {}),
  };
}

/** The UI's client: the API sits at /api on the portal's own origin. */
export const api: PortalApi = createPortalApi({ baseUrl: "/api" });
