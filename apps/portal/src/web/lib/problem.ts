/** How the portal's made-up problems name it (web-kit's ProblemTexts), and the one extension only it reads. */
import type { ApiProblem, ProblemTexts } from "@jpki-sandbox/web-kit";

export const PROBLEM_TEXTS: ProblemTexts = {
  unreachable: "ポータルに接続できません / Cannot reach the portal",
  clientError: "画面のエラー / Page error",
};

/** `triesLeft` of a PIN_INCORRECT problem, when the server sent a number. */
export function triesLeftOf(problem: ApiProblem): number | null {
  return typeof problem.triesLeft === "number" && Number.isFinite(problem.triesLeft) ? problem.triesLeft : null;
}
