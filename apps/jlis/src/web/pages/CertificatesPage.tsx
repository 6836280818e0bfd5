/** 証明書 / Certificates: S and R certificates by kind and status, with 失効 / Revoke. */
import { Empty, LabelBadge, Notice, PageHeader, ResourceView, Table, formatJst, label, lookup, useResource } from "@jpki-sandbox/web-kit";
import { useMemo, useState, type ReactNode } from "react";
import { api, type Certificate, type CertificateKind, type CertificateStatus } from "../api";
import { RefreshButton, SearchInput } from "../components/ui";
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES, revocationReasonLabel, type RevocationReason } from "../lib/labels";
import { routeHref } from "../lib/route";
import { RevokeDialog } from "./RevokeDialog";

const KINDS = ["S", "R"] as const;
const STATUSES = ["good", "revoked", "expired"] as const;

const asKind = (v: string | null): CertificateKind | undefined => (v === "S" || v === "R" ? v : undefined);
const asStatus = (v: string | null): CertificateStatus | undefined =>
  v === "good" || v === "revoked" || v === "expired" ? v : undefined;

function matches(c: Certificate, text: string): boolean {
  if (text === "") return true;
  const needle = text.toLowerCase().replace(/[\s:]/g, "");
  return (
    c.serialNumber.toLowerCase().includes(needle) ||
    c.subject.toLowerCase().includes(text.toLowerCase()) ||
    c.residentName.includes(text) ||
    c.residentId === text
  );
}

/** One row of the segmented filter: すべて / All, then one link per value; the current one is highlighted. */
function FilterGroup<V extends string>({
  ariaLabel,
  values,
  current,
  href,
  text,
}: {
  ariaLabel: string;
  values: readonly V[];
  current: V | undefined;
  href: (value: V | undefined) => string;
  text: (value: V) => ReactNode;
}) {
  return (
    <div className="segmented" role="group" aria-label={ariaLabel}>
      <a className={current === undefined ? "seg active" : "seg"} href={href(undefined)}>
        すべて / All
      </a>
      {values.map((v) => (
        <a key={v} className={current === v ? "seg active" : "seg"} href={href(v)}>
          {text(v)}
        </a>
      ))}
    </div>
  );
}

function pemHref(pem: string): string {
  return `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(pem)}`;
}

export function CertificatesPage({ params }: { params: URLSearchParams }) {
  const kind = asKind(params.get("kind"));
  const status = asStatus(params.get("status"));
  const resident = params.get("resident") ?? undefined;
  const { resource, reload, setData } = useResource((signal) => api.certificates({ kind, status }, signal), [kind, status]);
  const [search, setSearch] = useState("");
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [done, setDone] = useState<{ serial: string; reason: RevocationReason } | null>(null);

  const all = resource.status === "ready" ? resource.data.certificates : [];
  const shown = useMemo(
    () => all.filter((c) => (resident === undefined || c.residentId === resident) && matches(c, search.trim())),
    [all, resident, search],
  );
  const filtered = kind !== undefined || status !== undefined || resident !== undefined || search.trim() !== "";
  const residentName = resident === undefined ? undefined : (all.find((c) => c.residentId === resident)?.residentName ?? resident);
  const href = (next: { kind?: string | undefined; status?: string | undefined; resident?: string | undefined }) =>
    routeHref("certificates", { kind, status, resident, ...next });

  const onRevoked = (updated: Certificate, reason: RevocationReason) => {
    setData((data) => ({
      certificates: data.certificates.map((c) => (c.serialNumber === updated.serialNumber ? { ...c, ...updated } : c)),
    }));
    setRevoking(null);
    setDone({ serial: updated.serialNumber, reason });
  };

  return (
    <>
      <PageHeader ja="証明書" en="Certificates" lead="署名用（S）と利用者証明用（R）の電子証明書 / Signing (S) and user-authentication (R) certificates">
        <RefreshButton onClick={reload} />
      </PageHeader>

      <section className="card card-flush">
        <div className="toolbar toolbar-wrap">
          <FilterGroup
            ariaLabel="種別 / Kind"
            values={KINDS}
            current={kind}
            href={(k) => href({ kind: k })}
            text={(k) => (
              <>
                {k} {CERTIFICATE_KINDS[k].ja}
              </>
            )}
          />
          <FilterGroup
            ariaLabel="状態 / Status"
            values={STATUSES}
            current={status}
            href={(s) => href({ status: s })}
            text={(s) => label(CERTIFICATE_STATUSES[s])}
          />
          <SearchInput placeholder="シリアル・氏名で検索 / Search serial or name" value={search} onChange={setSearch} />
          {resident !== undefined && (
            <a className="chip" href={href({ resident: undefined })} title="解除 / Clear">
              住民 / Resident: {residentName} ×
            </a>
          )}
        </div>

        {done !== null && (
          <div className="card-pad">
            <Notice onDismiss={() => setDone(null)}>
              失効しました / Revoked <code>{done.serial}</code> — {revocationReasonLabel(done.reason)}
            </Notice>
          </div>
        )}
        <ResourceView resource={resource} onRetry={reload} inCard>
          {() =>
            shown.length === 0 ? (
              filtered ? (
                <Empty ja="該当する証明書はありません" en="No certificates match">
                  <p className="muted">フィルタを変更してください / Try other filters.</p>
                </Empty>
              ) : (
                <Empty ja="証明書はまだ発行されていません" en="No certificates issued yet">
                  <p className="muted">市区町村窓口（portal）でカードを発行します / Cards are issued at the municipal counter (portal).</p>
                </Empty>
              )
            ) : (
              <>
                <Table
                  head={
                    <>
                      <th>シリアル番号 / Serial (hex)</th>
                      <th>種別 / Kind</th>
                      <th>主体者 / Subject</th>
                      <th>有効期間 / Validity (JST)</th>
                      <th>状態 / Status</th>
                      <th className="right">操作 / Action</th>
                    </>
                  }
                >
                  {shown.map((c) => (
                    <tr key={c.serialNumber} className={done?.serial === c.serialNumber ? "row-flash" : undefined}>
                      <td className="serial">
                        <div className="mono">{c.serialNumber}</div>
                        <a className="small" href={pemHref(c.pem)} download={`${c.kind}-${c.serialNumber}.pem`}>
                          PEM ↓
                        </a>
                      </td>
                      <td className="nowrap">
                        <span className={`kind-tag kind-${c.kind}`}>{c.kind}</span>
                        <div className="cell-sub">{lookup(CERTIFICATE_KINDS, c.kind).ja}</div>
                      </td>
                      <td className="subject">
                        <div className="cell-main">{c.residentName}</div>
                        <div className="cell-sub mono">{c.subject}</div>
                      </td>
                      <td className="nowrap small">
                        <div>{formatJst(c.notBefore)}</div>
                        <div>→ {formatJst(c.notAfter)}</div>
                      </td>
                      <td className="status">
                        <LabelBadge l={lookup(CERTIFICATE_STATUSES, c.status)} />
                        {c.status === "revoked" && (
                          <div className="cell-sub">
                            <div title={c.revocationReason}>{revocationReasonLabel(c.revocationReason)}</div>
                            {c.revokedAt !== undefined && <div className="nowrap">{formatJst(c.revokedAt)}</div>}
                          </div>
                        )}
                      </td>
                      <td className="right nowrap">
                        {c.status === "good" && (
                          <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRevoking(c)}>
                            失効 / Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
                <div className="table-foot muted">
                  {shown.length} / {all.length} 件 / certificates
                </div>
              </>
            )
          }
        </ResourceView>
      </section>

      {revoking !== null && <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} onRevoked={onRevoked} />}
    </>
  );
}
