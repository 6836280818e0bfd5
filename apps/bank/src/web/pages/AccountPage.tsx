/**
 * 口座 / My account (logged in with R, ①'–⑥'): the customer's details, status, the S–R link the bank keeps, and
 * the history. When re-validation found the S certificate revoked with affiliationChanged, the customer may consent
 * (signed with S) to fetch the latest four attributes from J-LIS (linkage 3).
 */
import { formatJst, formatWareki, label, LabelBadge, lookup, NextSteps, Notice, PageHeader, ProblemBox, SEXES, SubmitButton, useAction, useResource } from "@jpki-sandbox/web-kit";
import { useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import type { AccountView } from "../../shared/api-types";
import { api } from "../api";
import { HistoryTable } from "../components/HistoryTable";
import { LinkPanel } from "../components/LinkPanel";
import { useSession } from "../components/session";
import { Crumbs, FlowStrip } from "../components/ui";
import { LOGIN_FLOW } from "../lib/flow";
import { isHttpUrl } from "../lib/journey";
import { CUSTOMER_STATUSES } from "../lib/labels";
import { isNotLoggedIn } from "../lib/problem";

function NotLoggedIn() {
  return (
    <section className="card center-card" data-testid="not-logged-in">
      <h2>
        ログインしてください <span className="h-en">/ Please log in</span>
      </h2>
      <p>
        口座を見るには、マイナンバーカードの利用者証明用電子証明書でログインします（①'–⑥'）。
        <br />
        <span className="muted">To see your account, log in with the user-authentication certificate on your card (①'–⑥').</span>
      </p>
      <div className="action-bar action-bar-center">
        <Link className="btn btn-primary" to="/login" data-testid="go-login">
          ①' ログイン / Log in
        </Link>
        <Link className="btn" to="/open">
          ① 口座開設 / Open an account
        </Link>
      </div>
    </section>
  );
}

function AttributeRefresh() {
  const { busy, problem, run } = useAction();
  const [leaving, setLeaving] = useState(false);
  const start = async () => {
    const started = await run(() => api.refreshAttributes());
    if (started === undefined) return;
    setLeaving(true);
    window.location.assign(isHttpUrl(started.approvalUrl) ? started.approvalUrl : `/journeys/${encodeURIComponent(started.journeyId)}`);
  };
  return (
    <div className="banner banner-warn" role="status" data-testid="attributes-may-have-changed">
      <span className="banner-icon" aria-hidden="true">
        !
      </span>
      <div className="banner-main">
        <div className="banner-title">
          住所・氏名が変わった可能性があります <span className="banner-en">/ Your attributes may have changed</span>
        </div>
        <p>
          お持ちの署名用電子証明書が「属性変更」で失効しました（引越し・結婚など）。同意いただければ、署名用電子証明書で署名した同意書により、J-LIS
          から最新の基本4情報を取得して登録内容を更新します。
          <br />
          <span className="muted">
            Your signing certificate was revoked as affiliationChanged (a move, a marriage…). With your consent, signed with S, the bank
            fetches your latest four attributes from J-LIS and updates its record.
          </span>
        </p>
        {problem !== null && <ProblemBox problem={problem} />}
        {leaving && <Notice tone="info">ポータルへ移動しています… / Going to the portal…</Notice>}
        <SubmitButton type="button" busy={busy} disabled={leaving} onClick={() => void start()} busyText="準備しています… / Preparing…" testId="attribute-refresh">
          同意して最新の情報に更新 / Consent and update (sign with S) →
        </SubmitButton>
      </div>
    </div>
  );
}

function Account({ account, actions }: { account: AccountView; actions: ReactNode }) {
  const c = account.customer;
  const status = lookup(CUSTOMER_STATUSES, c.status);
  const wareki = formatWareki(c.dateOfBirth);
  return (
    <>
      <PageHeader ja={`${c.name} 様の口座`} en="My account" lead={`お客さま番号 / Customer ${c.id} · 開設 / Opened ${formatJst(c.createdAt)}`}>
        <LabelBadge l={status} testId="customer-status" slash />
        {actions}
      </PageHeader>
      <FlowStrip
        flow="login"
        steps={LOGIN_FLOW.map((s) => ({ ...s, state: "done" as const }))}
        title={<>ログイン済み ①'–⑥'（利用者証明用電子証明書のシリアル番号であなたを識別） / Logged in with R: the R serial identified you</>}
      />
      {c.attributesMayHaveChanged && <AttributeRefresh />}
      {c.status !== "active" && (
        <Notice tone={status.tone} testId="status-reason">
          {label(status)}
          {c.statusReason !== null && <> — {c.statusReason}</>}
        </Notice>
      )}
      <div className="grid grid-2 grid-top">
        <section className="card" data-testid="customer-details">
          <h2>
            お客さま情報（基本4情報） <span className="h-en">/ Your details (the four attributes)</span>
          </h2>
          <dl className="kv">
            <dt>氏名 / Name</dt>
            <dd data-testid="customer-name">{c.name}</dd>
            <dt>生年月日 / Date of birth</dt>
            <dd>
              {c.dateOfBirth}
              {wareki !== null && <span className="muted">（{wareki}）</span>}
            </dd>
            <dt>性別 / Sex</dt>
            <dd>{SEXES[c.sex] === undefined ? c.sex : label(SEXES[c.sex])}</dd>
            <dt>住所 / Address</dt>
            <dd>{c.address}</dd>
            <dt>状態 / Status</dt>
            <dd>
              <LabelBadge l={status} slash />
              {c.statusReason !== null && <span className="small muted">{c.statusReason}</span>}
            </dd>
            <dt>情報の更新 / Attributes as of</dt>
            <dd>{formatJst(c.attributesUpdatedAt)}</dd>
          </dl>
        </section>
        {account.link === null ? (
          <section className="card">
            <h2>
              S–R の紐付け <span className="h-en">/ S–R link</span>
            </h2>
            <p className="muted">紐付けがありません / No link on record.</p>
          </section>
        ) : (
          <LinkPanel link={account.link} testId="account-link" />
        )}
      </div>
      <section className="card card-flush">
        <div className="toolbar">
          <h2 className="toolbar-title">
            履歴 <span className="h-en">/ History</span>
          </h2>
        </div>
        <HistoryTable history={account.history} />
      </section>
    </>
  );
}

export function AccountPage() {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const { resource, reload } = useResource((signal) => api.account(signal), []);
  const { busy, problem, run } = useAction();

  const logout = async () => {
    const done = await run(async () => {
      await api.logout();
      return true;
    });
    if (done !== true) return;
    // A new session (and CSRF token) for the next POST, and the header follows.
    refresh();
    navigate("/", { replace: true });
  };

  const notLoggedIn = resource.status === "error" && isNotLoggedIn(resource.problem);
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "口座", en: "My account" }]} />
      {notLoggedIn ? (
        <>
          <PageHeader ja="口座" en="My account" />
          <FlowStrip flow="login" current={["①'"]} title={<>ログインが必要です ①'–⑥' / Log in first ①'–⑥'</>} />
          <NotLoggedIn />
        </>
      ) : resource.status === "loading" ? (
        <div className="state state-loading" role="status">
          <span className="spinner" aria-hidden="true" /> 読み込み中… / Loading account…
        </div>
      ) : resource.status === "error" ? (
        <ProblemBox problem={resource.problem} onRetry={reload} />
      ) : (
        <>
          {problem !== null && <ProblemBox problem={problem} />}
          <Account
            account={resource.data}
            actions={
              <SubmitButton type="button" className="btn" busy={busy} onClick={() => void logout()} busyText="ログアウト中… / Logging out…" testId="logout">
                ログアウト / Log out
              </SubmitButton>
            }
          />
        </>
      )}
      <NextSteps>
        {notLoggedIn ? <Link to="/login">①' ログイン / Log in</Link> : <Link to="/login">①' もう一度ログイン（R） / Log in again with R</Link>}
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
