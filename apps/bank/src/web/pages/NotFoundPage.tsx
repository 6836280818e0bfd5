/** ページが見つかりません / Not found: an unknown path, or a journey or customer the bank does not know. */
import { NotFoundPage as KitNotFoundPage } from "@jpki-sandbox/web-kit";
import { Link, useLocation } from "react-router";

export function NotFoundPage({ what }: { what?: string }) {
  const { pathname } = useLocation();
  return (
    <KitNotFoundPage pathname={pathname} what={what} Link={Link}>
      <li>
        <Link to="/">ホーム / Home</Link> — この銀行について / what this bank demonstrates
      </li>
      <li>
        <Link to="/open">① 口座開設 / Open an account</Link> — 署名用電子証明書で申込み / an application signed with S
      </li>
      <li>
        <Link to="/login">①' ログイン / Log in</Link> — 利用者証明用電子証明書で / with R
      </li>
      <li>
        <Link to="/account">口座 / My account</Link>
      </li>
      <li>
        <Link to="/staff">職員 / Staff</Link>
      </li>
    </KitNotFoundPage>
  );
}
