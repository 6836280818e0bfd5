/**
 * 職員: 再検証 / Staff: re-validation runs — OCSP of every stored S certificate (scheduled, or now with the
 * button), and what the bank did about each answer (JPKI.md: a revoked S means the attributes may have changed).
 */
import { Badge, Empty, formatJst, label, LabelBadge, Loading, lookup, NextSteps, Notice, PageHeader, SubmitButton, Table, useAction, useResource } from "@jpki-sandbox/web-kit";
import { useState } from "react";
import { Link } from "react-router";
import type { RevalidationRunView } from "../../shared/api-types";
import { api } from "../api";
import { StaffProblem, StaffTabs } from "../components/staff";
import { Crumbs, Serial } from "../components/ui";
import { OCSP_STATUSES, REVALIDATION_ACTIONS, REVALIDATION_TRIGGERS, revocationReasonText } from "../lib/labels";

function Run({ run, highlight }: { run: RevalidationRunView; highlight: boolean }) {
  const trigger = lookup(REVALIDATION_TRIGGERS, run.trigger);
  return (
    <section className={`card card-flush${highlight ? " card-highlight" : ""}`} data-testid={`run-${run.id}`}>
      <div className="toolbar">
        <h2 className="toolbar-title">
          {formatJst(run.startedAt)} <span className="h-en">/ {label(trigger)}</span>
        </h2>
        {run.finishedAt === null ? <Badge tone="info">実行中 / running</Badge> : <span className="small muted">終了 / finished {formatJst(run.finishedAt)}</span>}
        <span className="small muted">{run.results.length} 件 / results</span>
      </div>
      {run.results.length === 0 ? (
        <p className="card-pad muted">対象の署名用電子証明書はありません / No stored S certificate to check.</p>
      ) : (
        <Table
          head={
            <>
              <th>お客さま / Customer</th>
              <th>署名用 S (hex)</th>
              <th>OCSP</th>
              <th>対応 / Action</th>
              <th>内容 / Summary</th>
            </>
          }
        >
          {run.results.map((r, i) => (
            <tr key={`${r.customerId}-${i}`}>
              <td>
                <Link to={`/staff/customers/${encodeURIComponent(r.customerId)}`} className="cell-main">
                  {r.customerName}
                </Link>
              </td>
              <td>
                <Serial kind="S" hex={r.signingSerial} />
                {r.newSigningSerial !== undefined && (
                  <div className="cell-sub serial-next">
                    → <Serial kind="S" hex={r.newSigningSerial} /> <span className="muted">現在 / current</span>
                  </div>
                )}
              </td>
              <td>
                <LabelBadge l={lookup(OCSP_STATUSES, r.ocspStatus)} />
                {r.revocationReason !== undefined && <div className="cell-sub">{revocationReasonText(r.revocationReason)}</div>}
              </td>
              <td>
                <LabelBadge l={lookup(REVALIDATION_ACTIONS, r.action)} />
              </td>
              <td>{r.summary}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export function StaffRevalidationsPage() {
  const { resource, reload, setData } = useResource((signal) => api.revalidations(signal), []);
  const { busy, problem, run } = useAction();
  const [latest, setLatest] = useState<string | null>(null);

  const revalidate = async () => {
    const result = await run(() => api.revalidateNow());
    if (result === undefined) return;
    setLatest(result.id);
    setData((d) => ({ runs: [result, ...d.runs.filter((r) => r.id !== result.id)] }));
  };

  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { to: "/staff", ja: "職員", en: "Staff" }, { ja: "再検証", en: "Re-validation" }]} />
      <PageHeader
        ja="再検証"
        en="Re-validation"
        lead="保存しているすべての署名用電子証明書を J-LIS の OCSP で確認します。属性変更で失効していれば新しい証明書を照会し（紐付け照会2）、お客さまに確認を促します / OCSP for every stored S certificate; revoked as affiliationChanged → follow old S → current S and flag the customer."
      >
        <SubmitButton type="button" busy={busy} onClick={() => void revalidate()} busyText="再検証しています… / Re-validating…" testId="revalidate-now">
          再検証を実行 / Re-validate now
        </SubmitButton>
      </PageHeader>
      <StaffTabs />
      {problem !== null && <StaffProblem problem={problem} onRetry={() => void revalidate()} />}
      {latest !== null && <Notice tone="good">再検証しました / Re-validation finished.</Notice>}
      {resource.status === "loading" && <Loading what="runs" />}
      {resource.status === "error" && <StaffProblem problem={resource.problem} onRetry={reload} />}
      {resource.status === "ready" &&
        (resource.data.runs.length === 0 ? (
          <section className="card">
            <Empty ja="まだ実行されていません" en="No runs yet">
              <p>「再検証を実行」を押してください / Press “Re-validate now”.</p>
            </Empty>
          </section>
        ) : (
          resource.data.runs.map((r) => <Run key={r.id} run={r} highlight={r.id === latest} />)
        ))}
      <NextSteps>
        <Link to="/staff">お客さま一覧 / Customers</Link>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
