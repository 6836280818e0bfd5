/**
 * One JSON request to a sandbox server's browser API (same origin, cookies or the browser's HTTP Basic
 * session): every failure is thrown as an ApiError carrying an RFC 9457 problem; an abort is rethrown as is.
 * A 204 No Content answer with an empty body resolves to undefined (type such a call `requestJson<void>`).
 */
import { ApiError, problemFromBadBody, problemFromNetworkError, problemFromResponse, type ProblemTexts } from "./problem.js";

export interface JsonRequest {
  method: string;
  /** Sent as JSON; none for undefined. */
  body?: unknown;
  /** More headers (a CSRF token). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export async function requestJson<T>(doFetch: Fetch, url: string, request: JsonRequest, texts: ProblemTexts): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  const init: RequestInit = { method: request.method, headers, credentials: "same-origin" };
  if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(request.body);
  }
  Object.assign(headers, request.headers);
  if (request.signal !== undefined) init.signal = request.signal;
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(problemFromNetworkError(error, texts));
  }
  const text = await response.text();
  if (!response.ok) throw new ApiError(problemFromResponse(response.status, response.headers.get("content-type"), text, texts));
  if (response.status === 204 && text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(problemFromBadBody(response.status, text));
  }
}
