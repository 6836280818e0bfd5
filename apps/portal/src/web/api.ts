/**
 * Typed client of the portal's browser API (`/api/...`, src/shared/api-types.ts), same origin with the
 * session cookie. Every POST carries the CSRF token of GET /api/session in `x-csrf-token`; the session is
 * fetched once and kept here, and a CSRF_INVALID answer (an expired or rotated token) refetches it once and
 * retries. Every failure is thrown as web-kit's ApiError carrying an RFC 9457 problem.
 */
import { ApiError, requestJson } from "@jpki-sandbox/web-kit";
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

/** The problem code the server answers when the CSRF token is missing, expired or not this session's. */
export const CSRF_INVALID = "CSRF_INVALID";

export interface PortalApiOptions {
  /** Where the browser API lives, e.g. "/api". */
  baseUrl: string;
  fetch?: typeof fetch;
}

export type PortalApi = ReturnType<typeof createPortalApi>;

const enc = encodeURIComponent;

export function createPortalApi(options: PortalApiOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  /** The session being fetched or fetched; null before the first and after a failure. */
  let current: Promise<SessionInfo> | null = null;

  function send<T>(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal | undefined, csrfToken?: string): Promise<T> {
    const headers: Record<string, string> = csrfToken === undefined ? {} : { "x-csrf-token": csrfToken };
    return requestJson<T>(doFetch, base + path, { method, body, signal, headers }, PROBLEM_TEXTS);
  }

  /** The session (CSRF token, jlis URL, sandbox time); fetched once unless `refresh`. */
  function session(refresh = false): Promise<SessionInfo> {
    if (current === null || refresh) {
      const request = send<SessionInfo>("GET", "/session", undefined, undefined);
      current = request;
      request.catch(() => {
        if (current === request) current = null;
      });
    }
    return current;
  }

  const get = <T>(path: string, signal?: AbortSignal) => send<T>("GET", path, undefined, signal);

  async function post<T>(path: string, body: unknown = {}): Promise<T> {
    const { csrfToken } = await session();
    try {
      return await send<T>("POST", path, body, undefined, csrfToken);
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.code !== CSRF_INVALID) throw error;
      const fresh = await session(true);
      return send<T>("POST", path, body, undefined, fresh.csrfToken);
    }
  }

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
