/**
 * The sandbox clock as the whole console sees it: one reading from jlis, projected forward locally each
 * second (the sandbox clock runs at real speed between advances), replaced whenever a page learns a newer one.
 */
import { useToProblem, type ApiProblem } from "@jpki-sandbox/web-kit";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, type ClockReading } from "../api";
import { projectSandboxNow } from "../lib/format";

interface ClockState {
  reading: ClockReading | null;
  readAt: number;
  problem: ApiProblem | null;
  /** Record a reading a page received (overview, clock advance, reset). */
  update: (reading: ClockReading) => void;
  refresh: () => void;
}

const ClockContext = createContext<ClockState | null>(null);

export function ClockProvider({ children }: { children: ReactNode }) {
  const toProblem = useToProblem();
  const [reading, setReading] = useState<ClockReading | null>(null);
  const [readAt, setReadAt] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const update = useCallback((next: ClockReading) => {
    setReading(next);
    setReadAt(Date.now());
    setProblem(null);
  }, []);

  const refresh = useCallback(() => {
    api.clock().then(update, (error: unknown) => setProblem(toProblem(error)));
  }, [update, toProblem]);

  useEffect(() => {
    refresh();
    // Re-read now and then: another operator (or a test) may move the clock.
    const timer = window.setInterval(refresh, 60_000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const value = useMemo(() => ({ reading, readAt, problem, update, refresh }), [reading, readAt, problem, update, refresh]);
  return <ClockContext.Provider value={value}>{children}</ClockContext.Provider>;
}

export function useClock(): ClockState {
  const state = useContext(ClockContext);
  if (state === null) throw new Error("useClock outside ClockProvider");
  return state;
}

/** Sandbox "now", ticking once a second; null until the first reading. */
export function useSandboxNow(): Date | null {
  const { reading, readAt } = useClock();
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (reading === null) return null;
  return projectSandboxNow(reading.now, readAt, Math.max(tick, readAt));
}
