/** A one-line success notice carried to the next page in the router's location state (navigate(…, { state })). */
import { useLocation } from "react-router";

export interface FlashState {
  notice?: string;
}

export function flash(notice: string): { state: FlashState } {
  return { state: { notice } };
}

/** The notice the previous page left, if any. */
export function useFlash(): string | null {
  const state = useLocation().state as FlashState | null | undefined;
  return typeof state?.notice === "string" ? state.notice : null;
}
