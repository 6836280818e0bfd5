/** Links between the portal's pages that carry state in the URL. */
import type { PinKind } from "../../shared/api-types";

/**
 * The PIN reset link for a card (a blocked PIN is reset only at the counter, JPKI.md "The card"); `returnTo`
 * (an approval page) is offered as the way back once the PIN is reset.
 */
export function pinResetHref(cardId: string, pin?: PinKind, returnTo?: string): string {
  const search = new URLSearchParams();
  if (pin !== undefined) search.set("pin", pin);
  if (returnTo !== undefined) search.set("return", returnTo);
  const qs = search.toString();
  return `/counter/cards/${encodeURIComponent(cardId)}${qs === "" ? "" : `?${qs}`}#pin-reset`;
}

/** A `return` parameter worth following: only this portal's own approval pages (no open redirect). */
export function safeReturnPath(value: string | null): string | null {
  return value !== null && /^\/approve\/[A-Za-z0-9_-]+$/.test(value) ? value : null;
}
