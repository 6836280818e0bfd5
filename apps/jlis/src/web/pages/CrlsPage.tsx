/** CRL: the complete CRL of each CA and the per-municipality CRLs (JPKI.md "Revocation and status"). */
import { Badge, Empty, PageHeader, ResourceView, Table, formatJst, useResource } from "@jpki-sandbox/web-kit";
import { api } from "../api";
import { useSandboxNow } from "../components/clock";
import { RefreshButton } from "../components/ui";
import { isOverdue, sortCrls } from "../lib/crls";
import { CERTIFICATE_KINDS } from "../lib/labels";

export function CrlsPage() {
  const { resource, reload } = useResource((signal) => api.crls(signal), []);
  const now = useSandboxNow();

  return (
    <>
      <PageHeader ja="CRL" en="Certificate revocation lists" lead="RFC 5280 · 認証局ごとの全体 CRL と市区町村別 CRL / complete CRL per CA and one per municipality">
        <RefreshButton onClick={reload} />
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload}>
        {({ crls }) =>
          crls.length === 0 ? (
            <section className="card">
              <Empty ja="CRL はまだ発行されていません" en="No CRL has been published yet" />
            </section>
          ) : (
            <section className="card card-flush">
              <Table
                head={
                  <>
                    <th>認証局 / CA</th>
                    <th>範囲 / Scope</th>
                    <th className="right">CRL 番号 / crlNumber</th>
                    <th>thisUpdate / nextUpdate (JST)</th>
                    <th className="right">件数 / Entries</th>
                    <th className="right">DER</th>
                  </>
                }
              >
                {sortCrls(crls).map((c) => {
                  const overdue = isOverdue(c, now);
                  return (
                    <tr key={`${c.kind}:${c.scope}`}>
                      <td className="nowrap">
                        <span className={`kind-tag kind-${c.kind}`}>{c.kind}</span>{" "}
                        <span className="small">{CERTIFICATE_KINDS[c.kind]?.ja ?? c.kind}</span>
                      </td>
                      <td className="nowrap">
                        {c.scope === "full" ? (
                          <Badge tone="info">全体 / Complete</Badge>
                        ) : (
                          <>
                            <Badge tone="neutral">市区町村 / Municipal</Badge>
                            <div className="mono small">{c.scope}</div>
                          </>
                        )}
                      </td>
                      <td className="right mono">{c.crlNumber}</td>
                      <td className="small">
                        <div className="nowrap">
                          <span className="muted">this</span> {formatJst(c.thisUpdate)}
                        </div>
                        <div>
                          <span className="nowrap">
                            <span className="muted">next</span> {formatJst(c.nextUpdate)}
                          </span>{" "}
                          {overdue && (
                            <Badge tone="warn" title="サンドボックス時刻が nextUpdate を過ぎています / sandbox time is past nextUpdate">
                              期限超過 / Overdue
                            </Badge>
                          )}
                        </div>
                      </td>
                      <td className="right">{c.entries}</td>
                      <td className="right">
                        <a className="btn btn-small btn-ghost" href={c.url} download>
                          .crl ↓
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </Table>
              <div className="table-foot muted">
                DER (<code>application/pkix-crl</code>) · <code>openssl crl -inform DER -in s.crl -noout -text</code>
              </div>
            </section>
          )
        }
      </ResourceView>
    </>
  );
}
