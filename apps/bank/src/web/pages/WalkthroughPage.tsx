/**
 * ウォークスルー / Guided walkthrough (sandbox demo): the slide's flow explained, then a visitor led through it
 * across the three apps — counter → card → account opening ①–⑧ → the staff view's S–R link → login ①'–⑥' →
 * a move and what the bank then sees — with each message that crossed decoded and its ASN.1 viewable. Where
 * the visitor is comes from this browser's journeys and the portal's cards (GET /api/walkthrough).
 */
import { Notice, PageHeader, ResourceView, useResource } from "@jpki-sandbox/web-kit";
import { useEffect } from "react";
import { Link } from "react-router";
import type { WalkthroughView } from "../../shared/api-types";
import { api } from "../api";
import { FlowDiagram } from "../components/walkthrough/FlowDiagram";
import { CardChapter, LoginChapter, MoveChapter, OpeningChapter, StaffChapter } from "../components/walkthrough/chapters";
import { NextAction } from "../components/walkthrough/NextAction";
import { walkthroughProgress } from "../lib/walkthrough";

const PARTIES_TEXT = [
  {
    ja: "利用者とカード：マイナンバーカードには署名用（S）と利用者証明用（R）の2つの鍵と証明書があり、秘密鍵はカードの外に出ません。S は氏名・生年月日・性別・住所（基本4情報）を載せ、R は個人情報を載せません。",
    en: "Citizen and card: the My Number Card holds two key pairs and certificates, signing (S) and user authentication (R); private keys never leave the chip. S carries the four attributes (name, date of birth, sex, address); R carries no personal data.",
  },
  {
    ja: "ポータル：スマートフォンの JPKI アプリの役です。銀行からの署名依頼を受け、利用者がカードと PIN を選ぶと、仮想カードが署名し、ブラウザを銀行に戻します。",
    en: "Portal: plays the smartphone JPKI app. It takes the bank's signing request; the citizen picks the card and enters the PIN; the virtual card signs; the browser goes back to the bank.",
  },
  {
    ja: "銀行：署名検証者です。署名と証明書を検証し、J-LIS に失効確認（OCSP）をして、初回は S のシリアルから R のシリアルを照会して紐付けを保存します。次回からは R のシリアルだけでお客さまを識別します。",
    en: "Bank: the accredited verifier. It verifies signature and certificate, asks J-LIS (OCSP) whether the certificate is valid, and the first time asks for the R serial of the S serial and keeps the link; afterwards the R serial alone says who the customer is.",
  },
  {
    ja: "J-LIS（模擬）：S と R を発行する認証局です。OCSP で証明書の有効性に答え、署名検証者には紐付けサービス（S→R、旧 S→現在の S、最新の基本4情報）を提供します。",
    en: "Mock J-LIS: the CA that issues S and R. It answers OCSP about any certificate and offers accredited verifiers the linkage services (S → R, old S → current S, latest four attributes).",
  },
];

function Walkthrough({ view }: { view: WalkthroughView }) {
  const progress = walkthroughProgress(view);
  const portalUrl = view.portalUrl.replace(/\/+$/, "");
  return (
    <>
      {!view.portal.available && (
        <Notice tone="warn" testId="portal-unavailable">
          ポータルに接続できません。カードの一覧は表示できませんが、ほかの章は使えます / The portal cannot be reached ({view.portal.error}): the card list is missing, the
          other chapters still work. <span className="mono small">npm start</span> starts all three apps.
        </Notice>
      )}
      <NextAction progress={progress} view={view} portalUrl={portalUrl} />

      <section className="card wt-chapter" id="flow" aria-labelledby="flow-title" data-testid="chapter-flow">
        <header className="wt-chapter-head">
          <span className="wt-chapter-num" aria-hidden="true">
            0
          </span>
          <h2 id="flow-title">
            流れ <span className="h-en">/ The flow</span>
          </h2>
        </header>
        <p className="small muted">
          総務省の資料（2022年）にある銀行口座開設の例です。番号は各ページの表示と同じです / The bank account example of the MIC 2022 slide; every page of this sandbox uses
          the same numbers.
        </p>
        <FlowDiagram />
        <div className="wt-parties">
          {PARTIES_TEXT.map((p, i) => (
            <p key={i}>
              {p.ja}
              <br />
              <span className="muted">{p.en}</span>
            </p>
          ))}
        </div>
        <p className="small muted">
          証明書が後で失効と分かったら（転居・婚姻など）、銀行は紐付けサービスで追いかけます（5章） / When S later shows revoked (a move, a marriage), the bank catches
          up through the linkage services (chapter 5).
        </p>
      </section>

      <CardChapter view={view} progress={progress} portalUrl={portalUrl} />
      <OpeningChapter view={view} progress={progress} />
      <StaffChapter view={view} progress={progress} />
      <LoginChapter view={view} progress={progress} />
      <MoveChapter view={view} progress={progress} portalUrl={portalUrl} />

      <NextAction progress={progress} view={view} portalUrl={portalUrl} compact />
    </>
  );
}

export function WalkthroughPage() {
  const { resource, reload } = useResource((signal) => api.walkthrough(signal), []);
  // The portal opens in another tab: coming back to this one shows what happened there (a card, a move).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reload]);
  return (
    <>
      <PageHeader
        ja="ウォークスルー"
        en="Guided walkthrough"
        lead={
          <>
            マイナンバーカードの公的個人認証（JPKI）で口座を開き、ログインし、転居を銀行が知るまでを、3つのアプリ（ポータル・銀行・J-LIS）で順にたどります。すべて合成データのテスト環境です。
            <br />
            <span className="muted">
              Follow the slide's flow across the three apps (portal, bank, J-LIS): open an account with the card, log in, then move house and see what the bank learns.
              Synthetic data only — a SANDBOX, TEST ONLY.
            </span>
          </>
        }
      >
        <button type="button" className="btn" onClick={reload} data-testid="walkthrough-reload">
          更新 / Refresh
        </button>
        <Link className="btn" to="/">
          ホーム / Home
        </Link>
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload} what="walkthrough">
        {(view) => <Walkthrough view={view} />}
      </ResourceView>
    </>
  );
}
