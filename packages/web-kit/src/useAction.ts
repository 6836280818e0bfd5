/** A form's submit: busy while it runs (no double submit), the problem when it fails, the form state untouched. */
import { useCallback, useRef, useState } from "react";
import type { ApiProblem } from "./problem.js";
import { useToProblem } from "./problem-texts.js";

export function useAction() {
  const toProblem = useToProblem();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const running = useRef(false);

  /**
   * Runs `fn`; resolves to its result, or undefined when it failed (the problem is then set and handed to
   * `onProblem`) or another run is under way.
   */
  const run = useCallback(async <T>(fn: () => Promise<T>, onProblem?: (problem: ApiProblem) => void): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      return await fn();
    } catch (error) {
      const problem = toProblem(error);
      setProblem(problem);
      onProblem?.(problem);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [toProblem]);

  return { busy, problem, setProblem, run };
}
