/** 概要 / Overview: the sandbox clock, what jlis holds, whether chaos is on, and the open endpoints. */
import { Badge, Bi, PageHeader, ResourceView, formatJst, label, useResource } from "@jpki-sandbox/web-kit";
import { useEffect } from "react";
import { api, type CertificateKind, type StatusCounts } from "../api";
import { useClock, useSandboxNow } from "../components/clock";
import { RefreshButton } from "../components/ui";
import { chaosIsActive } from "../lib/chaos";
import { approximateOffsetYears, formatOffset } from "../lib/format";
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES, LINKAGE_MODES, OCSP_MODES } from "../lib/labels";
import { routeHref } from "../lib/route";

const PUBLIC_ENDPOINTS = [
  { path: "/ca/s.cer", ja: "署名用CA証明書", en: "Signing CA certificate (DER)" },
  { path: "/ca/r.cer", ja: "利用者証明用CA証明書", en: "User-authentication CA certificate (DER)" },
  { path: "/crl/s.crl", ja: "署名用 CRL（全体）", en: "Signing CRL, complete (DER)" },
  { path: "/crl/r.crl", ja: "利用者証明用 CRL（全体）", en: "User-authentication CRL, complete (DER)" },
  { path: "/openapi.json", ja: "API 仕様", en: "OpenAPI 3.1 document" },
] as const;

function CertificateCard({ kind, counts }: { kind: CertificateKind; counts: StatusCounts }) {
  const k = CERTIFICATE_KINDS[kind];
  const total = counts.good + counts.revoked + counts.expired;
  return (
    <section className="card stat-card">
      <div className="stat-head">
        <span className={`kind-tag kind-${kind}`}>{kind}</span>
        <Bi ja={`${k.ja}電子証明書`} en={`${k.en} certificates`} />
      </div>
      <a className="stat-value" href={routeHref("certificates", { kind })}>
        {total}
      </a>
      <ul className="stat-breakdown">
        {(["good", "revoked", "expired"] as const).map((status) => (
          <li key={status}>
            <a href={routeHref("certificates", { kind, status })}>
              <Badge tone={CERTIFICATE_STATUSES[status].tone}>{label(CERTIFICATE_STATUSES[status])}</Badge>
              <span className="stat-num">{counts[status]}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OverviewPage() {
  const { resource, reload } = useResource((signal) => api.overview(signal), []);
  const clock = useClock();
  const now = useSandboxNow();
  const updateClock = clock.update;

  // The overview carries a fresh clock reading: share it with the header.
  const overviewClock = resource.status === "ready" ? resource.data.clock : null;
  useEffect(() => {
    if (overviewClock !== null) updateClock(overviewClock);
  }, [overviewClock, updateClock]);

  return (
    <>
      <PageHeader ja="概要" en="Overview" lead="模擬 J-LIS の状態 / State of the mock J-LIS">
        <RefreshButton onClick={reload} />
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload}>
        {(data) => (
          <>
            <div className="grid grid-4">
              <section className="card stat-card">
                <div className="stat-head">
                  <Bi ja="サンドボックス時刻" en="Sandbox time" />
                </div>
                <div className="stat-time">{formatJst(now ?? data.clock.now)}</div>
                <div className="stat-sub">
                  オフセット / offset{" "}
                  <Badge tone={data.clock.offsetMs === 0 ? "neutral" : "warn"}>{formatOffset(data.clock.offsetMs)}</Badge>
                  <div>{approximateOffsetYears(data.clock.offsetMs) ?? "実時間 / real time"}</div>
                </div>
                <a className="card-link" href={routeHref("clock")}>
                  時計を進める / Advance the clock →
                </a>
              </section>
              <section className="card stat-card">
                <div className="stat-head">
                  <Bi ja="住民" en="Residents" />
                </div>
                <a className="stat-value" href={routeHref("residents")}>
                  {data.counts.residents}
                </a>
                <div className="stat-sub">合成ペルソナ / synthetic personas</div>
              </section>
              <CertificateCard kind="S" counts={data.counts.certificates.S} />
              <CertificateCard kind="R" counts={data.counts.certificates.R} />
            </div>

            <div className="grid grid-2 grid-top">
              <section className="card">
                <h2>
                  障害注入 <span className="h-en">/ Chaos</span>{" "}
                  {chaosIsActive(data.chaos) ? (
                    <Badge tone="warn">注入中 / Injecting</Badge>
                  ) : (
                    <Badge tone="good">通常 / Normal</Badge>
                  )}
                </h2>
                <dl className="kv">
                  <dt>OCSP</dt>
                  <dd>
                    {label(OCSP_MODES[data.chaos.ocsp.mode] ?? { ja: data.chaos.ocsp.mode, en: "" })}
                    {data.chaos.ocsp.delayMs > 0 && <Badge tone="warn">+{data.chaos.ocsp.delayMs} ms</Badge>}
                  </dd>
                  <dt>紐付け / Linkage</dt>
                  <dd>
                    {label(LINKAGE_MODES[data.chaos.linkage.mode] ?? { ja: data.chaos.linkage.mode, en: "" })}
                    {data.chaos.linkage.delayMs > 0 && <Badge tone="warn">+{data.chaos.linkage.delayMs} ms</Badge>}
                  </dd>
                </dl>
                <a className="card-link" href={routeHref("chaos")}>
                  設定 / Configure →
                </a>
              </section>
              <section className="card">
                <h2>
                  公開エンドポイント <span className="h-en">/ Public endpoints</span>
                </h2>
                <ul className="endpoint-list">
                  {PUBLIC_ENDPOINTS.map((e) => (
                    <li key={e.path}>
                      <a href={e.path}>
                        <code>{e.path}</code>
                      </a>
                      <span>
                        {e.ja}
                        <span className="muted"> / {e.en}</span>
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="muted small">
                  OCSP: <code>POST /ocsp/s</code>, <code>POST /ocsp/r</code> · 市区町村別 CRL / municipal CRLs:{" "}
                  <a href={routeHref("crls")}>CRL</a>
                </p>
              </section>
            </div>
          </>
        )}
      </ResourceView>
    </>
  );
}
