/** 職員: お客さま / Staff: every customer with status, flag and the S–R link (⑦⑧), linking to the details. */
import { Badge, Empty, formatJst, LabelBadge, Loading, lookup, NextSteps, PageHeader, shortId, Table, useResource } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import { api } from "../api";
import { LinkPair } from "../components/LinkPanel";
import { StaffProblem, StaffTabs } from "../components/staff";
import { Crumbs } from "../components/ui";
import { CUSTOMER_STATUSES } from "../lib/labels";

export function StaffCustomersPage() {
  const { resource, reload } = useResource((signal) => api.staffCustomers(signal), []);
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "職員", en: "Staff" }]} />
      <PageHeader
        ja="お客さま一覧"
        en="Customers"
        lead="口座開設 ⑦⑧ で J-LIS から得た S–R の紐付け（署名用と利用者証明用のシリアル番号）を確認できます / Every customer with the S–R link the bank got from J-LIS at ⑦⑧."
      >
        <button type="button" className="btn" onClick={reload}>
          更新 / Reload
        </button>
      </PageHeader>
      <StaffTabs />
      <section className="card card-flush">
        {resource.status === "loading" && <Loading what="customers" />}
        {resource.status === "error" && (
          <div className="card-pad">
            <StaffProblem problem={resource.problem} onRetry={reload} />
          </div>
        )}
        {resource.status === "ready" &&
          (resource.data.customers.length === 0 ? (
            <Empty ja="お客さまはまだいません" en="No customers yet">
              <p>
                <Link to="/open">① 口座開設 / Open an account</Link>
              </p>
            </Empty>
          ) : (
            <Table
              head={
                <>
                  <th>氏名 / Name</th>
                  <th>状態 / Status</th>
                  <th>S–R 紐付け / S–R link (hex)</th>
                  <th>開設 / Opened</th>
                  <th>最終再検証 / Last re-validated</th>
                </>
              }
            >
              {resource.data.customers.map((c) => (
                <tr key={c.id} data-testid={`customer-row-${c.id}`}>
                  <td>
                    <Link className="cell-main" to={`/staff/customers/${encodeURIComponent(c.id)}`} data-testid="customer-link">
                      {c.name}
                    </Link>
                    <div className="cell-sub mono" title={c.id}>
                      {shortId(c.id)}
                    </div>
                  </td>
                  <td>
                    <span className="badge-stack">
                      <LabelBadge l={lookup(CUSTOMER_STATUSES, c.status)} />
                      {c.attributesMayHaveChanged && (
                        <Badge tone="warn" title="署名用電子証明書が属性変更で失効 / S revoked as affiliationChanged">
                          属性変更? <span className="badge-en">attributes may have changed</span>
                        </Badge>
                      )}
                    </span>
                  </td>
                  <td>{c.link === null ? <span className="muted">—</span> : <LinkPair link={c.link} testId={`staff-link-${c.id}`} />}</td>
                  <td className="nowrap">{formatJst(c.createdAt)}</td>
                  <td className="nowrap">{c.lastRevalidatedAt === null ? <span className="muted">未実施 / never</span> : formatJst(c.lastRevalidatedAt)}</td>
                </tr>
              ))}
            </Table>
          ))}
      </section>
      <NextSteps>
        <Link to="/staff/revalidations">再検証 / Re-validation</Link>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
