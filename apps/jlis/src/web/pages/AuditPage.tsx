/** 監査ログ / Audit log: every counter, verifier and admin action, newest first, paged with before=<id>. */
import { Empty, LabelBadge, PageHeader, ResourceView, Table, formatJst, lookup, useResource } from "@jpki-sandbox/web-kit";
import { useState } from "react";
import { api } from "../api";
import { RefreshButton } from "../components/ui";
import { summariseDetail } from "../lib/audit";
import { ACTOR_TYPES, AUDIT_OUTCOMES } from "../lib/labels";

const PAGE_SIZE = 50;

export function AuditPage() {
  // Cursors of the pages walked so far: undefined = newest; each next one is the last id of the page before.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const before = cursors[cursors.length - 1];
  const { resource, reload } = useResource((signal) => api.audit({ limit: PAGE_SIZE, before }, signal), [before]);
  const events = resource.status === "ready" ? resource.data.events : [];
  const last = events[events.length - 1];
  // While a page loads, the previous page is still on screen: paging from it would skip or repeat events.
  const settled = resource.status === "ready" && !resource.refreshing;
  const hasOlder = settled && events.length >= PAGE_SIZE && last !== undefined;
  const page = cursors.length;

  return (
    <>
      <PageHeader ja="監査ログ" en="Audit log" lead="新しい順 / Newest first">
        <RefreshButton onClick={reload} />
      </PageHeader>
      <section className="card card-flush">
        <div className="toolbar">
          <div className="pager">
            <button type="button" className="btn btn-small" disabled={page === 1} onClick={() => setCursors([undefined])}>
              ⇤ 最新 / Newest
            </button>
            <button type="button" className="btn btn-small" disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              ← 新しい方 / Newer
            </button>
            <span className="muted">
              {page} ページ / page {page}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={!hasOlder}
              onClick={() => last !== undefined && setCursors((c) => [...c, last.id])}
            >
              古い方 / Older →
            </button>
          </div>
        </div>
        <ResourceView resource={resource} onRetry={reload} inCard>
          {() =>
            events.length === 0 ? (
              <Empty ja={page === 1 ? "記録はまだありません" : "これより古い記録はありません"} en={page === 1 ? "Nothing audited yet" : "No older events"} />
            ) : (
              <Table
                dense
                head={
                  <>
                    <th>日時 / Time (JST)</th>
                    <th>実行者 / Actor</th>
                    <th>操作 / Action</th>
                    <th>対象 / Target</th>
                    <th>結果 / Outcome</th>
                    <th>詳細 / Detail</th>
                  </>
                }
              >
                {events.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap small" title={`#${e.id} · ${e.at}`}>
                      {formatJst(e.at)}
                    </td>
                    <td className="nowrap">
                      <LabelBadge l={lookup(ACTOR_TYPES, e.actorType)} />
                      <div className="cell-sub mono">{e.actorId}</div>
                    </td>
                    <td className="mono small">{e.action}</td>
                    <td className="mono small break">{e.target ?? <span className="muted">—</span>}</td>
                    <td>
                      <LabelBadge l={lookup(AUDIT_OUTCOMES, e.outcome)} />
                    </td>
                    <td className="detail-cell">
                      {e.detail === null || Object.keys(e.detail).length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <details>
                          <summary className="mono small">{summariseDetail(e.detail)}</summary>
                          <pre className="json">{JSON.stringify(e.detail, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </ResourceView>
      </section>
    </>
  );
}

