/** The page title for a path, for the browser tab and history. */
export function titleFor(pathname: string): string {
  if (pathname === "/") return "ホーム / Home";
  if (pathname === "/walkthrough") return "ウォークスルー / Guided walkthrough";
  if (pathname === "/open") return "① 口座開設 / Open an account";
  if (pathname === "/login") return "①' ログイン / Log in";
  if (pathname.startsWith("/journeys/")) return "手続きの結果 / Journey";
  if (pathname === "/account") return "口座 / My account";
  if (pathname === "/staff") return "職員: お客さま / Staff: customers";
  if (pathname.startsWith("/staff/customers/")) return "職員: お客さま詳細 / Staff: customer";
  if (pathname === "/staff/revalidations") return "職員: 再検証 / Staff: re-validation";
  return "見つかりません / Not found";
}
