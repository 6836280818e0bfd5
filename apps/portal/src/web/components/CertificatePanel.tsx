/** One certificate of a card (S or R) as the wallet shows it, with its live OCSP status. */
import { Badge, LabelBadge, SEXES, formatJst, formatWareki, groupHex, lookup } from "@jpki-sandbox/web-kit";
import type { CertificateKind, CertificateStatusView, CertificateView } from "../../shared/api-types";
import { CERTIFICATE_KINDS, OCSP_STATUSES, REVOCATION_REASONS } from "../lib/labels";

/** The live status badge: 有効 / good, 失効 / revoked (reason, time), unknown, unavailable (why), expired. */
export function StatusBadge({
  kind,
  status,
  loading,
  failed,
}: {
  kind: CertificateKind;
  status: CertificateStatusView | null | undefined;
  loading: boolean;
  failed: boolean;
}) {
  const testId = `status-${kind}`;
  if (status === undefined || status === null) {
    if (loading)
      return (
        <Badge tone="neutral" testId={testId}>
          確認中… <span className="badge-en">/ checking…</span>
        </Badge>
      );
    return (
      <Badge tone="warn" testId={testId}>
        {failed ? "確認できません" : "—"} <span className="badge-en">/ {failed ? "unavailable" : "no status"}</span>
      </Badge>
    );
  }
  const l = lookup(OCSP_STATUSES, status.status);
  const reason = status.reason === undefined ? undefined : lookup(REVOCATION_REASONS, status.reason);
  return (
    <span className="status-line">
      <LabelBadge l={l} testId={testId} slash title={`OCSP ${formatJst(status.checkedAt)}`} />
      {status.expired && (
        <Badge tone="neutral" testId={`expired-${kind}`}>
          期限切れ <span className="badge-en">/ expired</span>
        </Badge>
      )}
      {status.status === "revoked" && (
        <span className="small">
          {reason === undefined ? "" : `${reason.ja} / ${reason.en}`}
          {status.reason !== undefined && <code className="muted"> {status.reason}</code>}
          {status.revokedAt !== undefined && <> · {formatJst(status.revokedAt)}</>}
        </span>
      )}
      {status.status === "unavailable" && status.error !== undefined && <span className="small text-bad">{status.error}</span>}
      {status.status === "unknown" && <span className="small muted">jlis はこの証明書を知りません / jlis does not know this certificate</span>}
      <span className="small muted">
        確認 / checked {formatJst(status.checkedAt)}
        {status.thisUpdate !== undefined && ` · thisUpdate ${formatJst(status.thisUpdate)}`}
      </span>
    </span>
  );
}

function pemFileName(certificate: CertificateView): string {
  return `jpki-sandbox-${certificate.kind}-${certificate.serialNumber}.pem`;
}

function Attributes({ certificate }: { certificate: CertificateView }) {
  const a = certificate.attributes;
  if (a === null)
    return (
      <p className="warning-box" data-testid="no-attributes">
        基本4情報なし / carries no personal attributes
      </p>
    );
  const sex = lookup(SEXES, a.sex);
  const wareki = a.dateOfBirth === null ? null : formatWareki(a.dateOfBirth);
  return (
    <div className="attributes" data-testid="four-attributes">
      <h3>
        基本4情報 <span className="h-en">/ The four attributes (subjectAltName)</span>
      </h3>
      <dl className="kv">
        <dt>氏名 / Name</dt>
        <dd>
          <span className="attr-value">{a.name}</span>
          <span className="small muted" title="代替文字の位置 / substitute-character flags">
            代替 / subst. <code>{a.nameSubstitutePositions}</code>
          </span>
        </dd>
        <dt>生年月日 / Date of birth</dt>
        <dd>
          <span className="attr-value">{a.dateOfBirth ?? "不明 / unknown"}</span>
          {wareki !== null && <span className="muted">{wareki}</span>}
          <span className="small muted">
            SAN <code data-testid="dob-value">{a.dateOfBirthValue}</code>
          </span>
        </dd>
        <dt>性別 / Sex</dt>
        <dd>
          <span className="attr-value">
            {sex.ja} / {sex.en}
          </span>
          <span className="small muted">
            SAN <code data-testid="sex-value">{a.sexValue}</code>
          </span>
        </dd>
        <dt>住所 / Address</dt>
        <dd>
          <span className="attr-value">{a.address}</span>
          <span className="small muted" title="代替文字の位置 / substitute-character flags">
            代替 / subst. <code className="break">{a.addressSubstitutePositions}</code>
          </span>
        </dd>
      </dl>
    </div>
  );
}

export function CertificatePanel({
  kind,
  certificate,
  status,
  statusLoading,
  statusFailed,
  absentReason,
}: {
  kind: CertificateKind;
  certificate: CertificateView | null;
  status: CertificateStatusView | null | undefined;
  statusLoading: boolean;
  statusFailed: boolean;
  /** Why there is no certificate of this kind (an under-15 card has no S). */
  absentReason: string;
}) {
  const k = CERTIFICATE_KINDS[kind];
  return (
    <section className="card cert-panel" data-testid={`certificate-${kind}`}>
      <h2>
        <span className={`kind-tag kind-${kind}`}>{kind}</span>
        {k.ja} <span className="h-en">/ {k.en}</span>
      </h2>
      <p className="small muted">{k.long}</p>
      {certificate === null ? (
        <p className="muted">{absentReason}</p>
      ) : (
        <>
          <div className="status-row">
            <span className="field-label">状態 / Status (OCSP)</span>
            <StatusBadge kind={kind} status={status} loading={statusLoading} failed={statusFailed} />
          </div>
          <dl className="kv">
            <dt>シリアル番号 / Serial</dt>
            <dd>
              <code className="break" data-testid={`serial-${kind}`}>
                {groupHex(certificate.serialNumber)}
              </code>
              <span className="small muted break">({certificate.serialNumberDecimal})</span>
            </dd>
            <dt>主体者 / Subject</dt>
            <dd>
              <code className="break">{certificate.subject}</code>
            </dd>
            <dt>発行者 / Issuer</dt>
            <dd>
              <code className="break">{certificate.issuer}</code>
            </dd>
            <dt>有効期間 / Validity</dt>
            <dd>
              {formatJst(certificate.notBefore)} → {formatJst(certificate.notAfter)}
            </dd>
          </dl>
          <Attributes certificate={certificate} />
          <details className="pem">
            <summary>PEM（証明書ファイル / certificate file）</summary>
            <pre className="json">{certificate.pem}</pre>
            <a
              className="btn btn-small"
              href={`data:application/x-pem-file;charset=utf-8,${encodeURIComponent(certificate.pem)}`}
              download={pemFileName(certificate)}
            >
              ダウンロード / Download {pemFileName(certificate)}
            </a>
          </details>
        </>
      )}
    </section>
  );
}
