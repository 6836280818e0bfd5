/**
 * Loads data for a page: loading, error (an RFC 9457 problem) or ready, with reload() and a setter for local
 * updates (a revoked row, a card after a life event). Keeps the last data on screen while reloading so tables
 * and panels do not flash.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import type { ApiProblem } from "./problem.js";
import { useToProblem } from "./problem-texts.js";

export type Resource<T> =
  | { status: "loading" }
  | { status: "error"; problem: ApiProblem; data?: T }
  | { status: "ready"; data: T; refreshing: boolean };

export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): { resource: Resource<T>; reload: () => void; setData: (update: (data: T) => T) => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const toProblem = useToProblem();
  const loadRef = useRef(load);
  const toProblemRef = useRef(toProblem);
  // Declared before the loading effect, so it runs first: the loader used is always this render's.
  useEffect(() => {
    loadRef.current = load;
    toProblemRef.current = toProblem;
  });

  useEffect(() => {
    const controller = new AbortController();
    setResource((prev) => (prev.status === "ready" ? { ...prev, refreshing: true } : { status: "loading" }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: "ready", data, refreshing: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource((prev) => ({
          status: "error",
          problem: toProblemRef.current(error),
          ...(prev.status === "ready" ? { data: prev.data } : {}),
        }));
      },
    );
    return () => controller.abort();
    // Callers pass the inputs of `load` as deps (like useEffect's own contract).
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback(
    (update: (data: T) => T) =>
      setResource((prev) => (prev.status === "ready" ? { ...prev, data: update(prev.data) } : prev)),
    [],
  );
  return { resource, reload, setData };
}
