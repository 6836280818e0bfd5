/**
 * 手続きの結果 / Journey: the result and walkthrough of one journey (account opening ①–⑧, login ①'–⑥', relink,
 * attribute refresh). The portal sends the browser back to /callback; the bank runs the checks and redirects
 * here. One GET, no polling: the page is the record of what ran.
 */
import { formatJst, label, LabelBadge, lookup, NextSteps, Notice, PageHeader, ProblemBox, ResourceView, SEXES, SubmitButton, useAction, useResource } from "@jpki-sandbox/web-kit";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { JourneyView } from "../../shared/api-types";
import { api } from "../api";
import { LinkPanel } from "../components/LinkPanel";
import { RejectionPanel } from "../components/RejectionPanel";
import { StepTimeline } from "../components/StepTimeline";
import { Crumbs, FlowStrip, NextLinks } from "../components/ui";
import { everyStepPassed, flowOf, journeyStrip } from "../lib/flow";
import { isHttpUrl, journeyNextLinks } from "../lib/journey";
import { JOURNEY_KINDS, JOURNEY_STATUSES } from "../lib/labels";
import { NotFoundPage } from "./NotFoundPage";

const COMPLETED_TEXT: Record<JourneyView["kind"], { ja: string; en: string }> = {
  opening: { ja: "口座を開設しました", en: "Your account is open" },
  login: { ja: "ログインしました", en: "You are logged in" },
  relink: { ja: "新しい証明書で紐付けを更新しました", en: "The bank followed your new certificate and refreshed the link" },
  attributeRefresh: { ja: "基本4情報を最新にしました", en: "Your four attributes are up to date" },
};

function StatusBanner({ view }: { view: JourneyView }) {
  switch (view.status) {
    case "completed": {
      const t = COMPLETED_TEXT[view.kind] ?? { ja: "完了しました", en: "Completed" };
      return (
        <div className="banner banner-good" role="status" data-testid="journey-banner">
          <span className="banner-icon" aria-hidden="true">
            ✓
          </span>
          <div>
            <div className="banner-title">
              {t.ja} <span className="banner-en">/ {t.en}</span>
            </div>
            {view.customer !== undefined && (
              <div className="banner-sub" data-testid="journey-customer">
                {view.customer.name} 様 · <span className="mono small">{view.customer.id}</span>
              </div>
            )}
          </div>
        </div>
      );
    }
    case "rejected":
      return view.rejection === undefined ? (
        <Notice tone="bad" testId="journey-banner">
          拒否されました / Refused
        </Notice>
      ) : (
        <RejectionPanel rejection={view.rejection} />
      );
    case "cancelled":
      return (
        <Notice tone="warn" testId="journey-banner">
          ポータルでキャンセルされたか、依頼の有効期限が切れました。もう一度始められます / Cancelled at the portal, or the request expired there: you can start
          again.
        </Notice>
      );
    case "awaitingApproval":
      return (
        <Notice tone="info" testId="journey-banner">
          ポータルでの承認を待っています（{flowOf(view.kind) === "login" ? "②'" : "②"}） / Waiting for your approval at the portal.{" "}
          {view.approvalUrl !== undefined && isHttpUrl(view.approvalUrl) && (
            <a href={view.approvalUrl} data-testid="continue-at-portal">
              ポータルで続ける / Continue at the portal ↗
            </a>
          )}
        </Notice>
      );
    default:
      return null;
  }
}

/** CUSTOMER_UNKNOWN at login (a renewed card): sign once more with S, the bank follows old S → current S. */
function Relink({ journeyId }: { journeyId: string }) {
  const { busy, problem, run } = useAction();
  const [leaving, setLeaving] = useState(false);
  const relink = async () => {
    const started = await run(() => api.relink(journeyId));
    if (started === undefined) return;
    setLeaving(true);
    window.location.assign(isHttpUrl(started.approvalUrl) ? started.approvalUrl : `/journeys/${encodeURIComponent(started.journeyId)}`);
  };
  return (
    <section className="card relink" data-testid="relink">
      <h2>
        <span className="kind-tag kind-S">S</span> 署名用電子証明書で本人確認 <span className="h-en">/ Confirm with your signing certificate</span>
      </h2>
      <p>
        カードを更新した場合、新しい利用者証明用電子証明書は銀行に未登録です。署名用電子証明書でもう一度署名すると、銀行は J-LIS
        に旧い署名用証明書から現在の証明書を照会し（紐付け照会2）、紐付けを更新します。
        <br />
        <span className="muted">
          If your card was renewed, the bank does not know its new R yet. Sign once more with S: the bank asks J-LIS for your current S
          from the old one (linkage 2), then refreshes the S–R link.
        </span>
      </p>
      {problem !== null && <ProblemBox problem={problem} />}
      {leaving && <Notice tone="info">ポータルへ移動しています… / Going to the portal…</Notice>}
      <div className="action-bar action-bar-start">
        <SubmitButton type="button" busy={busy} disabled={leaving} onClick={() => void relink()} busyText="準備しています… / Preparing…" testId="relink-start">
          もう一度 署名用で署名 / Sign once more with S →
        </SubmitButton>
      </div>
    </section>
  );
}

function Application({ view }: { view: JourneyView }) {
  if (view.application === undefined && view.document === undefined) return null;
  const a = view.application;
  return (
    <section className="card" data-testid="journey-application">
      <h2>
        ① 申込内容 <span className="h-en">/ The application</span>
      </h2>
      {a !== undefined && (
        <dl className="kv">
          <dt>氏名 / Name</dt>
          <dd>{a.name}</dd>
          <dt>生年月日 / Date of birth</dt>
          <dd>{a.dateOfBirth}</dd>
          <dt>性別 / Sex</dt>
          <dd>{SEXES[a.sex] === undefined ? a.sex : label(SEXES[a.sex])}</dd>
          <dt>住所 / Address</dt>
          <dd>{a.address}</dd>
        </dl>
      )}
      {view.document !== undefined && (
        <details className="message-details">
          <summary>② 署名した文書 / The document signed with S</summary>
          <pre className="document-text">{view.document}</pre>
        </details>
      )}
      {a !== undefined && view.kind === "opening" && view.status !== "completed" && (
        <p className="small">
          <Link to="/open" state={{ application: a }} data-testid="open-again">
            この内容でもう一度申し込む / Apply again with these details →
          </Link>
        </p>
      )}
    </section>
  );
}

function Journey({ view }: { view: JourneyView }) {
  const kind = lookup(JOURNEY_KINDS, view.kind);
  const status = lookup(JOURNEY_STATUSES, view.status);
  const flow = flowOf(view.kind);
  const strip = journeyStrip(view.kind, view.steps);
  const allPassed = view.status === "completed" && everyStepPassed(view.kind, view.steps);
  const range = strip.length === 0 ? "" : `${strip[0]?.number ?? ""}–${strip[strip.length - 1]?.number ?? ""}`;
  const links = journeyNextLinks(view);
  return (
    <>
      <PageHeader
        ja={`${kind.ja}の結果`}
        en={`${kind.en}: result`}
        lead={
          <>
            受付 / Started {formatJst(view.createdAt)}
            {view.completedAt !== null && <> · 終了 / Finished {formatJst(view.completedAt)}</>} · <code className="small">{view.id}</code>
          </>
        }
      >
        <LabelBadge l={status} testId="journey-status" slash />
      </PageHeader>
      <StatusBanner view={view} />
      {view.canRelink === true && <Relink journeyId={view.id} />}
      <FlowStrip
        flow={flow}
        steps={strip}
        title={
          <>
            {range} {allPassed ? "すべて合格 / every step passed" : "この手続きのステップ / the steps of this journey"}
          </>
        }
      />
      {view.link !== undefined && <LinkPanel link={view.link} testId="journey-link" />}
      <Application view={view} />
      <section className="card">
        <h2>
          ステップの記録 <span className="h-en">/ What ran, step by step</span>
        </h2>
        {view.steps.length === 0 ? (
          <p className="muted">まだ何も実行されていません / Nothing has run yet.</p>
        ) : (
          <StepTimeline steps={view.steps} />
        )}
      </section>
      <NextSteps>
        {view.canRelink === true && <span className="muted">もう一度 署名用で署名 ↑ / Sign once more with S ↑</span>}
        <NextLinks links={links} />
        <Link to="/walkthrough" data-testid="back-to-walkthrough">
          ウォークスルーに戻る / Back to the walkthrough
        </Link>
      </NextSteps>
    </>
  );
}

/** `staff`: the staff view reads any customer's journey (read-only); customers see only their browser's. */
export function JourneyPage({ staff = false }: { staff?: boolean }) {
  const { id = "" } = useParams();
  const { resource, reload } = useResource((signal) => (staff ? api.staffJourney(id, signal) : api.journey(id, signal)), [id, staff]);
  if (resource.status === "error" && resource.problem.status === 404)
    return <NotFoundPage what={staff ? "この手続きは見つかりません / No such journey" : "この手続きは見つかりません（このブラウザで始めた手続きだけが見られます） / No such journey (only journeys this browser started can be seen)"} />;
  const trail = staff
    ? [{ to: "/staff", ja: "行員", en: "Staff" }, { ja: "手続きの記録", en: "Journey" }]
    : [{ to: "/", ja: "ホーム", en: "Home" }, { ja: "手続きの結果", en: "Journey" }];
  return (
    <>
      <Crumbs trail={trail} />
      <ResourceView resource={resource} onRetry={reload} what="journey">
        {(view) => <Journey view={view} />}
      </ResourceView>
    </>
  );
}
