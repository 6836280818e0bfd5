/** The walkthrough's chapters 1–5, each from this browser's data (GET /api/walkthrough) and lib/walkthrough.ts. */
import { Badge, formatJst } from "@jpki-sandbox/web-kit";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { WalkthroughView } from "../../../shared/api-types";
import type { WalkthroughProgress } from "../../lib/walkthrough";
import { HistoryTable } from "../HistoryTable";
import { LinkPair } from "../LinkPanel";
import { Chapter } from "./Chapter";
import { JourneyMessages } from "./JourneyMessages";

interface ChapterProps {
  view: WalkthroughView;
  progress: WalkthroughProgress;
}

function Para({ ja, en }: { ja: ReactNode; en: ReactNode }) {
  return (
    <p>
      {ja}
      <br />
      <span className="muted">{en}</span>
    </p>
  );
}

export function CardChapter({ view, progress, portalUrl }: ChapterProps & { portalUrl: string }) {
  return (
    <Chapter n="1" id="card" ja="窓口でカードを受け取る" en="Counter → card" state={progress.chapters.card}>
      <Para
        ja="市区町村窓口（ポータル）でマイナンバーカード（模擬）を発行します。鍵はカードの中で作られ、J-LIS が S と R の証明書を発行します。"
        en="The municipal counter (at the portal) issues a virtual My Number Card: the keys are made on the card, J-LIS issues its S and R certificates."
      />
      <div className="action-bar action-bar-start">
        <a className="btn" href={`${portalUrl}/counter`} data-testid="wt-portal-counter" target="_blank" rel="noreferrer">
          ポータルの窓口 / Portal counter ↗
        </a>
        <a className="btn" href={`${portalUrl}/`} data-testid="wt-portal-wallet" target="_blank" rel="noreferrer">
          カード一覧（ウォレット） / Card wallet ↗
        </a>
      </div>
      {!view.portal.available ? (
        <p className="muted small">ポータルに接続できません / The portal cannot be reached: {view.portal.error}</p>
      ) : view.portal.cards.length === 0 ? (
        <p className="muted small" data-testid="wt-no-cards">
          まだカードがありません。窓口で発行してください / No card yet: issue one at the counter.
        </p>
      ) : (
        <table className="table table-dense" data-testid="wt-cards">
          <thead>
            <tr>
              <th>名義 / Holder</th>
              <th>カード / Card</th>
              <th>状態 / Status</th>
              <th>PIN（テスト用） / PINs (TEST ONLY)</th>
            </tr>
          </thead>
          <tbody>
            {view.portal.cards.map((card) => (
              <tr key={card.id} className={progress.card?.id === card.id ? "wt-card-followed" : undefined}>
                <td className="cell-main">
                  {card.holderName}
                  {progress.card?.id === card.id && <span className="small muted"> ← このウォークスルー / this walkthrough</span>}
                </td>
                <td>
                  <a href={`${portalUrl}/cards/${encodeURIComponent(card.id)}`} className="mono small" target="_blank" rel="noreferrer">
                    {card.id} ↗
                  </a>
                </td>
                <td>
                  <Badge tone={card.status === "active" ? "good" : "neutral"}>{card.status}</Badge>
                  {!card.hasSigningCertificate && <span className="small muted"> S なし / no S</span>}
                </td>
                <td className="small">
                  {card.demoPins === undefined ? (
                    <span className="muted">npm start の表示を参照 / see npm start's output</span>
                  ) : (
                    <span data-testid="wt-demo-pins">
                      R PIN <code>{card.demoPins.userAuth}</code>
                      {card.demoPins.signing !== undefined && (
                        <>
                          {" "}
                          · S PIN <code>{card.demoPins.signing}</code>
                        </>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Chapter>
  );
}

export function OpeningChapter({ view, progress }: ChapterProps) {
  const opening = view.journeys.opening;
  return (
    <Chapter n="2" id="opening" ja="口座開設 ①–⑧" en="Account opening ①–⑧" state={progress.chapters.opening}>
      <Para
        ja={
          <>
            申込書を入力し（①）、ポータルで <strong>S PIN</strong> を入れて署名します（②）。銀行は CMS を受け取り（③）、検証し（④）、J-LIS に OCSP で確認し（⑤⑥）、基本4情報と照合して登録、S のシリアルから R のシリアルを照会します（⑦⑧）。
          </>
        }
        en={
          <>
            Fill in the application (①) and sign it at the portal with the <strong>S PIN</strong> (②). The bank receives the CMS (③), verifies it (④), asks J-LIS by OCSP
            (⑤⑥), matches the four attributes and registers you, then asks for the R serial of your S serial (⑦⑧).
          </>
        }
      />
      <div className="action-bar action-bar-start">
        <Link className={progress.chapters.opening === "next" ? "btn btn-primary" : "btn"} to="/open" data-testid="wt-open">
          ① 口座開設 / Open an account
        </Link>
      </div>
      {opening === undefined ? (
        <p className="muted small">このブラウザではまだ口座開設をしていません / This browser has not opened an account yet.</p>
      ) : (
        <JourneyMessages journey={opening} testId="wt-opening" />
      )}
    </Chapter>
  );
}

export function StaffChapter({ view, progress }: ChapterProps) {
  const link = view.customer?.link ?? null;
  return (
    <Chapter n="3" id="staff" ja="職員画面：S–R 紐付け" en="Staff view: the S–R link" state={progress.chapters.staff}>
      <Para
        ja="銀行が保存するのは S と R のシリアル番号の組です。次回のログインでは R のシリアルだけでお客さまが分かります。"
        en="What the bank keeps is the pair of serials, S and R: at the next login the R serial alone tells it who the customer is."
      />
      {link !== null && (
        <div className="link-big" data-testid="wt-link">
          <LinkPair link={link} />
          <div className="small muted">
            {formatJst(link.createdAt)} · {link.source}
          </div>
        </div>
      )}
      <div className="action-bar action-bar-start">
        <Link className="btn" to="/staff" data-testid="wt-staff">
          職員画面 / Staff view
        </Link>
        <span className="small muted">
          ユーザー <code>staff</code> / パスワード <code>sandbox-staff</code>（開発用の既定値 / the development default）
        </span>
      </div>
    </Chapter>
  );
}

export function LoginChapter({ view, progress }: ChapterProps) {
  const login = view.journeys.login;
  return (
    <Chapter n="4" id="login" ja="ログイン ①'–⑥'" en="Login ①'–⑥'" state={progress.chapters.login}>
      <Para
        ja={
          <>
            銀行のチャレンジ（①'）に、ポータルで <strong>R PIN</strong> を入れてカードが署名します（②'）。銀行は署名と R 証明書を検証し（③'④'）、OCSP で確認して（⑤'⑥'）、R のシリアルでお客さまを特定します。個人情報は送られません。
          </>
        }
        en={
          <>
            The card signs the bank's challenge (①') at the portal with the <strong>R PIN</strong> (②'). The bank verifies signature and R certificate (③'④'), checks OCSP
            (⑤'⑥') and finds the customer by the R serial: no personal data on the wire.
          </>
        }
      />
      <div className="action-bar action-bar-start">
        <Link className={progress.chapters.login === "next" ? "btn btn-primary" : "btn"} to="/login" data-testid="wt-login">
          ①' ログイン / Log in
        </Link>
      </div>
      {login === undefined ? (
        <p className="muted small">このブラウザではまだログインしていません / This browser has not logged in yet.</p>
      ) : (
        <JourneyMessages journey={login} testId="wt-login-journey" />
      )}
    </Chapter>
  );
}

function SubStep({ done, current, children, testId }: { done: boolean; current: boolean; children: ReactNode; testId: string }) {
  return (
    <li className={`wt-substep${done ? " wt-substep-done" : current ? " wt-substep-current" : ""}`} data-testid={testId} data-done={done}>
      <span className="wt-substep-mark" aria-label={done ? "済 / done" : current ? "次 / next" : "まだ / not yet"}>
        {done ? "✓" : current ? "→" : "·"}
      </span>
      <div>{children}</div>
    </li>
  );
}

export function MoveChapter({ view, progress, portalUrl }: ChapterProps & { portalUrl: string }) {
  const { moved, bankCaughtUp, refreshed } = progress.move;
  const card = progress.card;
  const customer = view.customer;
  const loggedIn = customer?.source === "session";
  const active = progress.chapters.move !== "todo";
  return (
    <Chapter n="5" id="move" ja="ライフイベント：転居と銀行に見えること" en="Life event: a move, and what the bank sees" state={progress.chapters.move}>
      <Para
        ja="転居すると基本4情報が変わるので、署名用電子証明書（S）は失効し（affiliationChanged）、新しい S が発行されます。R はそのままです。銀行は再検証でそれに気づき、紐付けサービスで追いかけます。"
        en="A move changes the four attributes, so S is revoked (affiliationChanged) and a new S is issued; R stays. The bank notices at re-validation and catches up through the linkage services."
      />
      <ol className="wt-substeps">
        <SubStep done={moved} current={active && !moved} testId="wt-move-counter">
          <strong>窓口で転居届 / Report the move at the counter</strong>
          <div className="small">
            {card === undefined ? (
              <a href={`${portalUrl}/counter`} target="_blank" rel="noreferrer">ポータルの窓口 / Portal counter ↗</a>
            ) : (
              <a href={`${portalUrl}/counter/cards/${encodeURIComponent(card.id)}`} data-testid="wt-move-link" target="_blank" rel="noreferrer">
                {card.holderName} のカードの窓口ページ / The counter page for {card.holderName}'s card ↗
              </a>
            )}
            {card?.signingSerial !== undefined && card.signingSerial !== null && customer?.link !== null && customer?.link !== undefined && (
              <span className="muted">
                {" "}
                · カードの現在の S / the card's current S <code>{card.signingSerial}</code>
                {card.signingSerial === customer.link.signingSerial ? "（銀行の記録と同じ / the bank's too）" : "（銀行の記録と違う / differs from the bank's）"}
              </span>
            )}
          </div>
        </SubStep>
        <SubStep done={bankCaughtUp} current={active && moved && !bankCaughtUp} testId="wt-move-revalidate">
          <strong>銀行の再検証 / The bank re-validates</strong>
          <div className="small">
            職員画面の「今すぐ再検証」で、銀行は保存しているすべての S を OCSP で確認します。revoked（affiliationChanged）なら、旧 S → 現在の S を紐付けサービスでたどり、R との紐付けを更新して「基本4情報が変わった可能性」を記録します。
            <br />
            <span className="muted">
              "Re-validate now" on the staff page asks OCSP about every stored S. Revoked (affiliationChanged): the bank follows old S → current S through linkage,
              refreshes the R link and flags "attributes may have changed".
            </span>{" "}
            <Link to="/staff/revalidations" data-testid="wt-revalidate">
              職員：再検証 / Staff: re-validation →
            </Link>
          </div>
        </SubStep>
        <SubStep done={refreshed} current={active && bankCaughtUp && !refreshed} testId="wt-move-refresh">
          <strong>同意して最新の基本4情報へ / Consent, then the latest four attributes</strong>
          <div className="small">
            お客さまが「口座」ページで同意書に S で署名すると、銀行は J-LIS から最新の基本4情報を受け取ります（紐付けサービス3）。
            <br />
            <span className="muted">On My account the customer signs a consent with S; the bank receives the latest four attributes from J-LIS (linkage 3).</span>{" "}
            <Link to={loggedIn ? "/account" : "/login"} data-testid="wt-refresh">
              {loggedIn ? "口座 / My account →" : "①' ログインしてから口座へ / Log in, then My account →"}
            </Link>
          </div>
        </SubStep>
      </ol>
      {customer !== null && (
        <div className="wt-bank-sees" data-testid="wt-bank-sees">
          <h3>
            銀行に見えること <span className="h-en">/ What the bank sees</span>
          </h3>
          <dl className="kv kv-compact">
            <dt>お客さま / Customer</dt>
            <dd>
              {customer.customer.name} · {customer.customer.address} · <Badge tone={customer.customer.status === "active" ? "good" : "bad"}>{customer.customer.status}</Badge>
            </dd>
            <dt>基本4情報 / Attributes</dt>
            <dd data-testid="wt-attributes-flag">
              {customer.customer.attributesMayHaveChanged ? (
                <Badge tone="warn">変わった可能性あり / may have changed</Badge>
              ) : (
                <Badge tone="good">最新 / up to date</Badge>
              )}
            </dd>
            <dt>S–R 紐付け / S–R link</dt>
            <dd>{customer.link === null ? "—" : <LinkPair link={customer.link} />}</dd>
          </dl>
          {customer.history.length > 0 && <HistoryTable history={customer.history} />}
        </div>
      )}
      {view.journeys.attributeRefresh !== undefined && <JourneyMessages journey={view.journeys.attributeRefresh} testId="wt-refresh-journey" />}
    </Chapter>
  );
}
