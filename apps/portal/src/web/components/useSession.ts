/** The session (CSRF token, jlis URL, sandbox time), refetched when a page needs a fresh sandbox time. */
import { api } from "../api";
import { useResource } from "./useResource";

export function useSession(fresh = false) {
  return useResource(() => api.session(fresh), [fresh]);
}
