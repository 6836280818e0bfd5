/**
 * ①' ログイン / Log in: the bank makes a challenge (random, expiring, single use) and sends the browser to the
 * portal, where the card signs it with the R key (②'③'). JPKI.md "The flow", next times.
 */
import { NextSteps, Notice, PageHeader, ProblemBox, SubmitButton, useAction } from "@jpki-sandbox/web-kit";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api";
import { useSessionInfo } from "../components/session";
import { Crumbs, FlowStrip } from "../components/ui";
import { isHttpUrl } from "../lib/journey";

export function LoginPage() {
  const session = useSessionInfo();
  const { busy, problem, run } = useAction();
  const [leaving, setLeaving] = useState(false);

  const start = async () => {
    const started = await run(() => api.startLogin());
    if (started === undefined) return;
    setLeaving(true);
    window.location.assign(isHttpUrl(started.approvalUrl) ? started.approvalUrl : `/journeys/${encodeURIComponent(started.journeyId)}`);
  };

  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "ログイン", en: "Log in" }]} />
      <PageHeader
        ja="ログイン"
        en="Log in"
        lead="①' マイナンバーカードの利用者証明用電子証明書でログインします / ①' Log in with the user-authentication certificate on your My Number Card."
      />
      <FlowStrip flow="login" current={["①'"]} />

      {session !== null && session.customer !== null && (
        <Notice tone="info" testId="already-logged-in">
          {session.customer.name} 様としてログイン中です / You are logged in as {session.customer.name}.{" "}
          <Link to="/account">口座を見る / My account →</Link>
        </Notice>
      )}

      <div className="grid grid-main">
        <section className="card">
          <h2>
            チャレンジ・レスポンス認証 <span className="h-en">/ Challenge–response</span>
          </h2>
          <ol className="howto">
            <li>
              <strong>①' チャレンジ / Challenge</strong> — 銀行が一度しか使えない乱数（チャレンジ）を作ります。
              <span className="muted"> The bank makes a random, expiring, single-use challenge.</span>
            </li>
            <li>
              <strong>②'③' ポータル / Portal</strong> — カードが<strong>利用者証明用電子証明書（R）</strong>の鍵でチャレンジに署名します（利用者証明用パスワード：数字4桁）。
              <span className="muted"> Your card signs it with the R key (the 4-digit R PIN) and sends signature + R certificate back.</span>
            </li>
            <li>
              <strong>④' 検証 / Verify</strong> — 署名と証明書チェーン。<span className="muted"> Signature against the challenge, chain to the J-LIS R root.</span>
            </li>
            <li>
              <strong>⑤'⑥' J-LIS（OCSP）</strong> — R が失効していないか。<span className="muted"> Is R still valid?</span>
            </li>
            <li>
              <strong>本人特定 / Identify</strong> — R のシリアル番号で口座を特定します。R 証明書には氏名も住所も入っていません。
              <span className="muted"> The R serial finds your account: the R certificate carries no name or address, so no personal data crosses the wire.</span>
            </li>
          </ol>
          {problem !== null && <ProblemBox problem={problem} />}
          {leaving && <Notice tone="info">ポータルへ移動しています… / Going to the portal…</Notice>}
          <div className="action-bar">
            <Link className="btn" to="/">
              戻る / Back
            </Link>
            <SubmitButton type="button" busy={busy} disabled={leaving} onClick={() => void start()} busyText="チャレンジを作成しています… / Making a challenge…" testId="login-start">
              ②' 利用者証明用電子証明書でログイン / Log in with R at the portal →
            </SubmitButton>
          </div>
        </section>
        <aside className="card aside">
          <h2>
            口座をお持ちでない方 <span className="h-en">/ No account yet?</span>
          </h2>
          <p>
            ログインには、先に口座開設（署名用電子証明書での申込み ①–⑧）が必要です。
            <br />
            <span className="muted">Open an account first (an application signed with S, ①–⑧): it stores the S–R link login relies on.</span>
          </p>
          <Link className="btn" to="/open">
            口座開設 / Open an account
          </Link>
          <h3>
            カードを更新した方 <span className="h-en">/ Renewed your card?</span>
          </h3>
          <p className="small muted">
            新しい R は銀行に未登録です。ログイン結果の画面から「もう一度 署名用で署名」を選ぶと、銀行が新しい証明書を照会して紐付けを更新します / A new R is not
            known to the bank yet: the result page then offers to sign once more with S, and the bank follows old S → current S.
          </p>
        </aside>
      </div>

      <NextSteps>
        <span className="muted">②' ポータルで署名 / Sign at the portal (after you start)</span>
        <Link to="/open">① 口座開設 / Open an account</Link>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
