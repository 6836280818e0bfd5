/** ページが見つかりません / Not found: an unknown path, or a card or request the portal does not know. */
import { NotFoundPage as KitNotFoundPage } from "@jpki-sandbox/web-kit";
import { Link, useLocation } from "react-router";

export function NotFoundPage({ what }: { what?: string }) {
  const { pathname } = useLocation();
  return (
    <KitNotFoundPage pathname={pathname} what={what} Link={Link}>
      <li>
        <Link to="/">ホーム / Home</Link> — このポータルについて / what this portal is
      </li>
      <li>
        <Link to="/counter">市区町村窓口 / Municipal counter</Link> — カードを発行 / issue a card
      </li>
      <li>
        <Link to="/cards">私のカード / My cards</Link> — 発行済みのカード / the cards issued
      </li>
    </KitNotFoundPage>
  );
}
