/** How the bank's made-up problems name it (web-kit's ProblemTexts), and the problems only the bank reads. */
import type { ApiProblem, ProblemTexts } from "@jpki-sandbox/web-kit";

export const PROBLEM_TEXTS: ProblemTexts = {
  unreachable: "銀行に接続できません / Cannot reach the bank",
  clientError: "画面のエラー / Page error",
  unauthorized: "職員のユーザー名とパスワードが必要です / Staff user name and password required (HTTP Basic, user “staff”)",
};

/** GET /api/account without a session answers 401 NOT_LOGGED_IN: the page offers ①' login instead of an error. */
export function isNotLoggedIn(problem: ApiProblem): boolean {
  return problem.code === "NOT_LOGGED_IN";
}

/** The staff API without (or with wrong) HTTP Basic credentials. */
export function isStaffUnauthenticated(problem: ApiProblem): boolean {
  return problem.status === 401 || problem.code === "UNAUTHENTICATED";
}
