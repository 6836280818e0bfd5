/** The session (CSRF token, jlis URL, sandbox time), refetched when a page needs a fresh sandbox time. */
import { useResource } from "@jpki-sandbox/web-kit";
import { api } from "../api";

export function useSession(fresh = false) {
  return useResource(() => api.session(fresh), [fresh]);
}
