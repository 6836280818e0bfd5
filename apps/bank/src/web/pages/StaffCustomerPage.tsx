/**
 * 職員: お客さま詳細 / Staff: one customer — details, every S–R link with its source and whether it is current,
 * the status history, and every journey (with the rejection code) linking to its walkthrough.
 */
import { Badge, formatJst, label, LabelBadge, lookup, NextSteps, Notice, PageHeader, ResourceView, SEXES, shortId, Table, useResource } from "@jpki-sandbox/web-kit";
import { Link, useParams } from "react-router";
import type { StaffCustomerView } from "../../shared/api-types";
import { api } from "../api";
import { HistoryTable } from "../components/HistoryTable";
import { LinkPair } from "../components/LinkPanel";
import { StaffProblem, StaffTabs } from "../components/staff";
import { Crumbs } from "../components/ui";
import { CUSTOMER_STATUSES, JOURNEY_KINDS, JOURNEY_STATUSES, LINK_SOURCES } from "../lib/labels";
import { NotFoundPage } from "./NotFoundPage";

function Customer({ view }: { view: StaffCustomerView }) {
  const c = view.customer;
  const status = lookup(CUSTOMER_STATUSES, c.status);
  return (
    <>
      <PageHeader ja={c.name} en="Customer" lead={<code>{c.id}</code>}>
        <LabelBadge l={status} testId="customer-status" slash />
      </PageHeader>
      <StaffTabs />
      {c.attributesMayHaveChanged && (
        <Notice tone="warn">
          署名用電子証明書が属性変更で失効しました。住所・氏名が変わった可能性があります / The S certificate was revoked as affiliationChanged: name or
          address may have changed.
        </Notice>
      )}
      <div className="grid grid-2 grid-top">
        <section className="card">
          <h2>
            基本4情報 <span className="h-en">/ The four attributes</span>
          </h2>
          <dl className="kv">
            <dt>氏名 / Name</dt>
            <dd>{c.name}</dd>
            <dt>生年月日 / Date of birth</dt>
            <dd>{c.dateOfBirth}</dd>
            <dt>性別 / Sex</dt>
            <dd>{SEXES[c.sex] === undefined ? c.sex : label(SEXES[c.sex])}</dd>
            <dt>住所 / Address</dt>
            <dd>{c.address}</dd>
            <dt>状態 / Status</dt>
            <dd>
              <LabelBadge l={status} slash />
              {c.statusReason !== null && <span className="small muted">{c.statusReason}</span>}
            </dd>
            <dt>開設 / Opened</dt>
            <dd>{formatJst(c.createdAt)}</dd>
            <dt>情報の更新 / Attributes as of</dt>
            <dd>{formatJst(c.attributesUpdatedAt)}</dd>
          </dl>
        </section>
        <section className="card">
          <h2>
            現在の紐付け <span className="h-en">/ Current S–R link</span>
          </h2>
          {view.link === null ? <p className="muted">—</p> : <LinkPair link={view.link} testId="current-link" />}
        </section>
      </div>
      <section className="card card-flush">
        <div className="toolbar">
          <h2 className="toolbar-title">
            S–R 紐付けの履歴 <span className="h-en">/ Every S–R link</span>
          </h2>
        </div>
        <Table head={<><th>S — R (hex)</th><th>有効 / Active</th><th>経緯 / Source</th><th>作成 / Created</th></>}>
          {view.links.map((l, i) => (
            <tr key={`${l.signingSerial}-${i}`}>
              <td>
                <LinkPair link={l} />
              </td>
              <td>{l.active ? <Badge tone="good">有効 / active</Badge> : <Badge tone="neutral">過去 / inactive</Badge>}</td>
              <td>
                {lookup(LINK_SOURCES, l.source).ja} <span className="muted">/ {lookup(LINK_SOURCES, l.source).en}</span>
              </td>
              <td className="nowrap">{formatJst(l.createdAt)}</td>
            </tr>
          ))}
        </Table>
      </section>
      <section className="card card-flush">
        <div className="toolbar">
          <h2 className="toolbar-title">
            状態の履歴 <span className="h-en">/ Status history</span>
          </h2>
        </div>
        <HistoryTable history={view.history} />
      </section>
      <section className="card card-flush">
        <div className="toolbar">
          <h2 className="toolbar-title">
            手続き <span className="h-en">/ Journeys</span>
          </h2>
        </div>
        <Table head={<><th>手続き / Journey</th><th>結果 / Outcome</th><th>受付 / Started</th><th>終了 / Finished</th></>}>
          {view.journeys.map((j) => (
            <tr key={j.id}>
              <td>
                <Link to={`/staff/journeys/${encodeURIComponent(j.id)}`} className="cell-main">
                  {lookup(JOURNEY_KINDS, j.kind).ja} <span className="muted">/ {lookup(JOURNEY_KINDS, j.kind).en}</span>
                </Link>
                <div className="cell-sub mono" title={j.id}>
                  {shortId(j.id)}
                </div>
              </td>
              <td>
                <span className="badge-stack">
                  <LabelBadge l={lookup(JOURNEY_STATUSES, j.status)} />
                  {j.rejectionCode !== undefined && <code className="problem-code">{j.rejectionCode}</code>}
                </span>
              </td>
              <td className="nowrap">{formatJst(j.createdAt)}</td>
              <td className="nowrap">{formatJst(j.completedAt)}</td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}

export function StaffCustomerPage() {
  const { id = "" } = useParams();
  const { resource, reload } = useResource((signal) => api.staffCustomer(id, signal), [id]);
  if (resource.status === "error" && resource.problem.status === 404) return <NotFoundPage what="このお客さまは見つかりません / No such customer" />;
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { to: "/staff", ja: "職員", en: "Staff" }, { ja: "お客さま", en: "Customer" }]} />
      {resource.status === "error" ? (
        <StaffProblem problem={resource.problem} onRetry={reload} />
      ) : (
        <ResourceView resource={resource} onRetry={reload} what="customer">
          {(view) => <Customer view={view} />}
        </ResourceView>
      )}
      <NextSteps>
        <Link to="/staff">お客さま一覧 / Customers</Link>
        <Link to="/staff/revalidations">再検証 / Re-validation</Link>
      </NextSteps>
    </>
  );
}
