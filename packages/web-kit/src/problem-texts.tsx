/**
 * The UI's ProblemTexts for the components and hooks that make problems (useResource, ErrorBoundary,
 * useToProblem): given once, at the root (mountApp), instead of at every call.
 */
import { createContext, useCallback, useContext } from "react";
import { DEFAULT_PROBLEM_TEXTS, toProblem, type ApiProblem, type ProblemTexts } from "./problem.js";

export const ProblemTextsContext = createContext<ProblemTexts>(DEFAULT_PROBLEM_TEXTS);

/** toProblem() with this UI's texts, for a handler's catch. */
export function useToProblem(): (error: unknown) => ApiProblem {
  const texts = useContext(ProblemTextsContext);
  return useCallback((error: unknown) => toProblem(error, texts), [texts]);
}
