/** ホーム / Home: what the citizen portal is and where to start. */
import { formatJst, NextSteps, PageHeader, useResource } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import { api } from "../api";
import { useSession } from "../components/useSession";

export function HomePage() {
  const { resource: session } = useSession(true);
  const { resource: cards } = useResource((signal) => api.cards(signal), []);
  const count = cards.status === "ready" ? cards.data.cards.length : null;
  const jlisUrl = session.status === "ready" ? session.data.jlisUrl.replace(/\/+$/, "") : null;
  return (
    <>
      <PageHeader
        ja="マイナポータル（模擬）"
        en="Citizen portal (mock)"
        lead="公的個人認証サービス（JPKI）サンドボックスの住民側です / The citizen's side of the JPKI sandbox. Synthetic residents, virtual cards — never real JPKI."
      />
      <ol className="journey">
        <li className="card">
          <span className="journey-step">1</span>
          <h2>
            市区町村窓口 <span className="h-en">/ Municipal counter</span>
          </h2>
          <p>
            住民を選び、パスワードを決めて、仮想マイナンバーカードを発行します。鍵はカードの中で生成され、J-LIS（模擬）が署名用・利用者証明用の電子証明書を発行します。
          </p>
          <p className="muted">
            Choose a synthetic resident, set two PINs, and get a virtual My Number Card: keys are generated on the card and
            the mock J-LIS issues its signing (S) and user-authentication (R) certificates.
          </p>
          <Link className="btn btn-primary" to="/counter">
            カードを発行 / Issue a card
          </Link>
        </li>
        <li className="card">
          <span className="journey-step">2</span>
          <h2>
            私のカード <span className="h-en">/ My cards (wallet)</span>
          </h2>
          <p>
            証明書の中身（基本4情報）、J-LISでの失効状態（OCSP）、パスワードの残り回数、カードのAPDUログを確認できます。住所変更・更新・紛失届もここから。
          </p>
          <p className="muted">
            See each certificate (with the four attributes), its live status at jlis (OCSP), the PIN retry counters and the
            card's APDU log; move house, renew or report the card lost from there.
          </p>
          <Link className="btn" to="/cards">
            私のカード / My cards{count === null ? "" : ` (${count})`}
          </Link>
        </li>
        <li className="card">
          <span className="journey-step">3</span>
          <h2>
            銀行からの署名依頼 <span className="h-en">/ Signing requests from a bank</span>
          </h2>
          <p>
            口座開設（②署名用電子証明書で署名）やログイン（②'利用者証明用電子証明書）では、銀行がブラウザをこのポータルに送ります。カードを選び、パスワードを入れて承認すると銀行に戻ります。
          </p>
          <p className="muted">
            When you open an account (② sign with S) or log in (②' with R), the bank sends your browser here: pick the card,
            enter the PIN, approve, and you are back at the bank. Start from the bank's site.
          </p>
        </li>
      </ol>
      <section className="card small">
        <dl className="kv kv-compact">
          <dt>サンドボックス時刻 / Sandbox time</dt>
          <dd>{session.status === "ready" ? formatJst(session.data.sandboxNow) : session.status === "error" ? session.problem.code : "…"}</dd>
          <dt>J-LIS（模擬） / Mock J-LIS</dt>
          <dd>
            {jlisUrl === null ? (
              "…"
            ) : (
              <a href={`${jlisUrl}/admin/`} target="_blank" rel="noreferrer">
                {jlisUrl}/admin/ ↗
              </a>
            )}
          </dd>
          <dt>API</dt>
          <dd>
            <a href="/openapi.json">/openapi.json</a>
          </dd>
        </dl>
      </section>
      <NextSteps>
        <Link to="/counter">① 市区町村窓口でカードを発行 / Issue a card at the counter</Link>
      </NextSteps>
    </>
  );
}
