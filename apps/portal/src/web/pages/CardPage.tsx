/**
 * The wallet: one card, its S and R certificates, their live status at jlis (OCSP, fetched separately so the
 * page shows before jlis answers), the PIN counters and the card's APDU log.
 */
import { formatJst, formatJstDate, NextSteps, Notice, PageHeader, ProblemBox, ResourceView, useResource } from "@jpki-sandbox/web-kit";
import { Link, useParams } from "react-router";
import type { CardView, PinKind, PinState } from "../../shared/api-types";
import { api } from "../api";
import { ApduLogPanel } from "../components/ApduLogPanel";
import { CertificatePanel } from "../components/CertificatePanel";
import { CardStatusBadge, PinBadge, PinResetLink } from "../components/cardBits";
import { useFlash } from "../components/flash";
import { Crumbs } from "../components/ui";
import { useSession } from "../components/useSession";
import { cardUsability } from "../lib/card";
import { PIN_RULES } from "../lib/pin-rules";
import { NotFoundPage } from "./NotFoundPage";

function PinRow({ card, kind, state }: { card: CardView; kind: PinKind; state: PinState }) {
  const rule = PIN_RULES[kind];
  return (
    <tr data-testid={`pin-state-${kind}`}>
      <td>
        <div className="cell-main">{rule.ja}</div>
        <div className="cell-sub">{rule.en}</div>
      </td>
      <td>
        <PinBadge kind={kind} state={state} />
      </td>
      <td className="small">
        {state.blocked ? (
          card.status === "active" ? (
            <>
              <span className="text-bad">ロックされています / Locked. </span>
              <PinResetLink cardId={card.id} pin={kind} />
            </>
          ) : (
            <span className="text-bad">ロック / Locked</span>
          )
        ) : (
          <span className="muted">
            {state.triesLeft < state.maxTries ? "正しく入力すると回数が戻ります / A correct PIN restores the count" : rule.hint.en}
          </span>
        )}
      </td>
    </tr>
  );
}

function StatusSection({ card }: { card: CardView }) {
  const { resource, reload } = useResource((signal) => api.cardStatus(card.id, signal), [card.id]);
  const data = resource.status === "ready" ? resource.data : resource.status === "error" ? resource.data : undefined;
  const loading = resource.status === "loading" || (resource.status === "ready" && resource.refreshing);
  const failed = resource.status === "error";
  const absentS =
    card.status === "active"
      ? "署名用電子証明書はありません（15歳未満で申請なし） / No signing certificate (holder under 15, not requested)"
      : "署名用電子証明書はありません / No signing certificate";
  return (
    <>
      <div className="section-head">
        <h2>
          電子証明書 <span className="h-en">/ Certificates</span>
        </h2>
        <span className="small muted">状態は jlis の OCSP に問い合わせています / Status asked live from jlis over OCSP</span>
        <button type="button" className="btn btn-small" onClick={reload} disabled={loading} data-testid="status-recheck">
          {loading ? "確認中… / Checking…" : "再確認 / Check again"}
        </button>
      </div>
      {resource.status === "error" && <ProblemBox problem={resource.problem} onRetry={reload} />}
      <div className="grid grid-2 grid-top">
        <CertificatePanel
          kind="S"
          certificate={card.certificates.signing}
          status={data?.signing}
          statusLoading={loading}
          statusFailed={failed}
          absentReason={absentS}
        />
        <CertificatePanel
          kind="R"
          certificate={card.certificates.userAuth}
          status={data?.userAuth}
          statusLoading={loading}
          statusFailed={failed}
          absentReason="利用者証明用電子証明書はありません / No user-authentication certificate"
        />
      </div>
    </>
  );
}

function CardDetail({ card }: { card: CardView }) {
  const notice = useFlash();
  const usability = cardUsability(card.status);
  const { resource: session } = useSession();
  const jlisUrl = session.status === "ready" ? session.data.jlisUrl.replace(/\/+$/, "") : null;
  const counterHref = `/counter/cards/${encodeURIComponent(card.id)}`;
  return (
    <>
      {notice !== null && (
        <Notice tone="good" testId="notice">
          {notice}
        </Notice>
      )}
      <PageHeader ja={card.holderName} en="My Number Card (virtual)" lead={<span className="mono small">{card.id}</span>}>
        <CardStatusBadge status={card.status} />
        {usability.usable && (
          <Link className="btn" to={counterHref} data-testid="counter-link">
            窓口手続き / Counter procedures
          </Link>
        )}
      </PageHeader>
      {!usability.usable && (
        <Notice tone="warn" testId="card-unusable">
          {usability.why}{" "}
          {card.successorCardId !== null ? (
            <Link to={`/cards/${encodeURIComponent(card.successorCardId)}`} data-testid="successor-card">
              更新後のカード / The card that replaced it →
            </Link>
          ) : usability.next === "cards" ? (
            <Link to="/cards">私のカード / My cards →</Link>
          ) : (
            <Link to="/counter">市区町村窓口で新しいカードを発行 / Issue a new card at the counter →</Link>
          )}
        </Notice>
      )}
      <section className="card">
        <dl className="kv kv-compact">
          <dt>交付日 / Issued</dt>
          <dd>{formatJst(card.issuedAt)}</dd>
          <dt>カードの有効期限 / Card valid until</dt>
          <dd>{formatJstDate(card.expiresAt)}</dd>
          <dt>住所 / Address</dt>
          <dd>{card.persona.address}</dd>
        </dl>
      </section>

      <StatusSection card={card} />

      <section className="card card-flush">
        <div className="toolbar">
          <h2 className="toolbar-title">
            パスワード <span className="h-en">/ PINs (retry counters)</span>
          </h2>
        </div>
        <table className="table">
          <tbody>
            <PinRow card={card} kind="userAuth" state={card.pins.userAuth} />
            {card.pins.signing !== null && <PinRow card={card} kind="signing" state={card.pins.signing} />}
          </tbody>
        </table>
      </section>

      <ApduLogPanel cardId={card.id} />

      <NextSteps>
        {usability.usable && <Link to={counterHref}>住所変更・氏名変更・更新・紛失届 / Move, change name, renew, report lost</Link>}
        <Link to="/cards">私のカード / My cards</Link>
        {jlisUrl !== null && (
          <a href={`${jlisUrl}/admin/`} target="_blank" rel="noreferrer">
            J-LIS コンソール / jlis console ↗
          </a>
        )}
      </NextSteps>
    </>
  );
}

export function CardPage() {
  const { id = "" } = useParams();
  // Keyed by id: another card's page starts from "loading", never shows the previous card meanwhile.
  return <CardPageFor key={id} id={id} />;
}

function CardPageFor({ id }: { id: string }) {
  const { resource, reload } = useResource((signal) => api.card(id, signal), [id]);
  const holder = resource.status === "ready" ? resource.data.card.holderName : "…";
  if (resource.status === "error" && resource.problem.status === 404)
    return <NotFoundPage what="カードが見つかりません / No such card" />;
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { to: "/cards", ja: "私のカード", en: "My cards" }, { ja: holder, en: "Card" }]} />
      <ResourceView resource={resource} onRetry={reload} what="card">
        {({ card }) => <CardDetail card={card} />}
      </ResourceView>
    </>
  );
}
