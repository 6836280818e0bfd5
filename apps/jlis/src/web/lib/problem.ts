/** How the console's made-up problems name it and jlis (web-kit's ProblemTexts; the rest is web-kit's). */
import type { ProblemTexts } from "@jpki-sandbox/web-kit";

export const PROBLEM_TEXTS: ProblemTexts = {
  unreachable: "jlis に接続できません / Cannot reach jlis",
  clientError: "コンソールのエラー / Console error",
  // A bare 401 is the browser's HTTP Basic session gone (jlis restarted with a new password, a cleared cache).
  unauthorized: "再読み込みして管理者としてログインしてください / Reload the page and sign in as admin",
};
