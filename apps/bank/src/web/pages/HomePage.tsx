/** ホーム / Home: what this bank demonstrates (the slide: open an account with S ①–⑧, log in with R ①'–⑥'). */
import { formatJst, NextSteps, PageHeader } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import { FlowStrip } from "../components/ui";
import { HANAKO } from "../lib/application";
import { useSession } from "../components/session";

export function HomePage() {
  const { resource: session } = useSession();
  const info = session.status === "ready" ? session.data : null;
  const customer = info?.customer ?? null;
  const portalUrl = info?.portalUrl.replace(/\/+$/, "") ?? null;
  const jlisUrl = info?.jlisUrl.replace(/\/+$/, "") ?? null;
  return (
    <>
      <PageHeader
        ja="サンドボックス銀行"
        en="Sandbox Bank"
        lead="マイナンバーカードの公的個人認証（JPKI）で口座を開き、ログインする銀行です（模擬） / A mock bank that opens accounts and logs customers in with the My Number Card's JPKI certificates."
      >
        <Link className={customer !== null ? "btn btn-primary" : "btn"} to="/account" data-testid="home-account">
          {customer !== null ? `${customer.name} 様の口座 / My account` : "口座 / My account"}
        </Link>
        <Link className="btn" to="/staff" data-testid="home-staff">
          職員 / Staff
        </Link>
      </PageHeader>

      <section className="card wt-home" data-testid="home-walkthrough">
        <div>
          <h2>
            はじめての方へ：ウォークスルー <span className="h-en">/ New here? The guided walkthrough</span>
          </h2>
          <p className="small">
            流れの図、カードの発行から口座開設 ①–⑧・ログイン ①'–⑥'・転居まで、各ステップのメッセージ（OCSP・CMS・紐付け）を解析して ASN.1 まで見られます。
            <br />
            <span className="muted">
              The flow in one diagram, then card → account opening ①–⑧ → login ①'–⑥' → a move, with every message (OCSP, CMS, linkage) decoded down to its ASN.1.
            </span>
          </p>
        </div>
        <Link className="btn btn-primary btn-large" to="/walkthrough" data-testid="home-walkthrough-link">
          ウォークスルーを始める / Start the walkthrough →
        </Link>
      </section>

      <div className="hero-grid">
        <section className="card hero hero-open">
          <div className="hero-tag">
            <span className="kind-tag kind-S">S</span> 初回 / First time ①–⑧
          </div>
          <h2>
            口座開設 <span className="h-en">/ Open an account</span>
          </h2>
          <p>
            申込書に<strong>署名用電子証明書</strong>で電子署名します。銀行は署名と証明書を検証し、J-LIS に失効確認（OCSP）をして、証明書の基本4情報（氏名・生年月日・性別・住所）と申込内容を照合します。最後に署名用のシリアル番号から利用者証明用のシリアル番号を照会して、S–R の紐付けを保存します。
          </p>
          <p className="muted">
            You sign the application with your <strong>signing certificate (S)</strong>. The bank verifies signature and chain, asks
            J-LIS whether S is valid (OCSP), matches the form against the certificate's four attributes, then sends the S serial to
            J-LIS's linkage service and keeps the S–R link.
          </p>
          <Link className="btn btn-primary btn-large" to="/open" data-testid="home-open">
            口座開設 / Open account
          </Link>
        </section>
        <section className="card hero hero-login">
          <div className="hero-tag">
            <span className="kind-tag kind-R">R</span> 2回目から / Next times ①'–⑥'
          </div>
          <h2>
            ログイン <span className="h-en">/ Log in</span>
          </h2>
          <p>
            銀行が送るチャレンジに<strong>利用者証明用電子証明書</strong>で署名します。この証明書には個人情報が入っていません。銀行は J-LIS
            に失効確認をして、シリアル番号だけであなたを識別します。
          </p>
          <p className="muted">
            Your card signs the bank's challenge with the <strong>user-authentication certificate (R)</strong>, which carries no
            personal data: after an OCSP check, the R serial alone tells the bank who you are.
          </p>
          <Link className="btn btn-primary btn-large" to="/login" data-testid="home-login">
            ログイン / Log in
          </Link>
        </section>
      </div>

      <FlowStrip flow="opening" />
      <FlowStrip flow="login" />

      <div className="grid grid-2 grid-top">
        <section className="card">
          <h2>
            はじめる前に <span className="h-en">/ Before you start</span>
          </h2>
          <p>
            マイナンバーカード（模擬）が必要です。ポータルの市区町村窓口で発行してください（例：{HANAKO.name}）。
            <br />
            <span className="muted">You need a virtual My Number Card: issue one at the portal's municipal counter (e.g. {HANAKO.name}).</span>
          </p>
          {portalUrl !== null && (
            <a className="btn" href={`${portalUrl}/counter`} data-testid="home-portal-counter">
              ポータルの窓口 / Portal counter ↗
            </a>
          )}
        </section>
        <section className="card small">
          <h2>
            サンドボックス <span className="h-en">/ Sandbox</span>
          </h2>
          <dl className="kv kv-compact">
            <dt>サンドボックス時刻 / Sandbox time</dt>
            <dd data-testid="sandbox-time">
              {info !== null
                ? info.sandboxNow === null
                  ? "J-LIS に接続できません / J-LIS unreachable"
                  : formatJst(info.sandboxNow)
                : session.status === "error"
                  ? session.problem.code
                  : "…"}
            </dd>
            <dt>ポータル / Citizen portal</dt>
            <dd>{portalUrl === null ? "…" : <a href={`${portalUrl}/`}>{portalUrl}/ ↗</a>}</dd>
            <dt>J-LIS（模擬） / Mock J-LIS</dt>
            <dd>{jlisUrl === null ? "…" : <a href={`${jlisUrl}/admin/`}>{jlisUrl}/admin/ ↗</a>}</dd>
            <dt>API</dt>
            <dd>
              <a href="/openapi.json">/openapi.json</a>
            </dd>
          </dl>
        </section>
      </div>

      <NextSteps>
        <Link to="/walkthrough">ウォークスルー / Walkthrough</Link>
        <Link to="/open">① 口座開設 / Open an account</Link>
        <Link to="/login">①' ログイン / Log in</Link>
        <Link to="/account">口座 / My account</Link>
        <Link to="/staff">職員 / Staff</Link>
      </NextSteps>
    </>
  );
}
