/** Renders a UI into index.html's #root, in StrictMode, with its ProblemTexts for every page. */
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { ProblemTexts } from "./problem.js";
import { ProblemTextsContext } from "./problem-texts.js";

export function mountApp(app: ReactNode, texts: ProblemTexts): void {
  const root = document.getElementById("root");
  if (root === null) throw new Error("#root missing from index.html");
  createRoot(root).render(
    <StrictMode>
      <ProblemTextsContext value={texts}>{app}</ProblemTextsContext>
    </StrictMode>,
  );
}
