/**
 * The session every page can read (logged-in customer, sandbox time, the portal's and jlis's URLs), loaded once by
 * the shell; refresh() after a logout so the header follows.
 */
import { useResource, type Resource } from "@jpki-sandbox/web-kit";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { SessionInfo } from "../../shared/api-types";
import { api } from "../api";

interface SessionState {
  resource: Resource<SessionInfo>;
  refresh: () => void;
}

const SessionContext = createContext<SessionState>({ resource: { status: "loading" }, refresh: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  // The first load reuses the session main.tsx started; a refresh asks the server again.
  const { resource } = useResource(() => api.session(generation > 0), [generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const value = useMemo(() => ({ resource, refresh }), [resource, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** The session's data once loaded, else null. */
export function useSessionInfo(): SessionInfo | null {
  const { resource } = useSession();
  return resource.status === "ready" || (resource.status === "error" && resource.data !== undefined) ? (resource.data ?? null) : null;
}
