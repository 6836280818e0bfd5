/** ページが見つかりません / Not found: an unknown path, or a card or request the portal does not know. */
import { PageHeader } from "@jpki-sandbox/web-kit";
import { Link, useLocation } from "react-router";
import { Crumbs, NextSteps } from "../components/ui";

export function NotFoundPage({ what }: { what?: string }) {
  const { pathname } = useLocation();
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "見つかりません", en: "Not found" }]} />
      <PageHeader ja="ページが見つかりません" en="Page not found" lead={what ?? `このアドレスにはページがありません / Nothing lives at ${pathname}`} />
      <section className="card" data-testid="not-found">
        <p>
          <code>{pathname}</code>
        </p>
        <p>次のどれかから始めてください / Start from one of these:</p>
        <ul className="link-list">
          <li>
            <Link to="/">ホーム / Home</Link> — このポータルについて / what this portal is
          </li>
          <li>
            <Link to="/counter">市区町村窓口 / Municipal counter</Link> — カードを発行 / issue a card
          </li>
          <li>
            <Link to="/cards">私のカード / My cards</Link> — 発行済みのカード / the cards issued
          </li>
        </ul>
      </section>
      <NextSteps>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
