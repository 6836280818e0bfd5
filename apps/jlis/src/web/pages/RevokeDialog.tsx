/** 失効 / Revoke: pick a reason (JPKI.md "Revocation and status"), confirm, and send it to jlis. */
import { Bi, ProblemBox, formatJst, useToProblem, type ApiProblem } from "@jpki-sandbox/web-kit";
import { useState } from "react";
import { api, type Certificate } from "../api";
import { Modal, RadioChoices } from "../components/ui";
import { CERTIFICATE_KINDS, REVOCATION_REASONS, revocationReasonsFor, type RevocationReason } from "../lib/labels";

export function RevokeDialog({
  certificate,
  onClose,
  onRevoked,
}: {
  certificate: Certificate;
  onClose: () => void;
  onRevoked: (updated: Certificate, reason: RevocationReason) => void;
}) {
  const toProblem = useToProblem();
  const [reason, setReason] = useState<RevocationReason | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const kind = CERTIFICATE_KINDS[certificate.kind];

  const submit = async () => {
    if (reason === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const updated = await api.revokeCertificate(certificate.serialNumber, reason);
      onRevoked(updated, reason);
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <Modal title={<Bi ja="証明書の失効" en="Revoke certificate" />} onClose={busy ? () => undefined : onClose}>
      <dl className="kv kv-compact">
        <dt>シリアル番号 / Serial</dt>
        <dd className="mono break">{certificate.serialNumber}</dd>
        <dt>種別 / Kind</dt>
        <dd>
          {certificate.kind} {kind.ja} / {kind.en}
        </dd>
        <dt>名義人 / Holder</dt>
        <dd>{certificate.residentName}</dd>
        <dt>有効期限 / Not after</dt>
        <dd>{formatJst(certificate.notAfter)}</dd>
      </dl>

      <RadioChoices
        legend="失効理由 / Reason (RFC 5280 reasonCode)"
        name="reason"
        values={revocationReasonsFor(certificate.kind)}
        labels={REVOCATION_REASONS}
        help={(r) => REVOCATION_REASONS[r].when}
        value={reason}
        onChange={setReason}
        disabled={busy}
      />

      <div className="warning-box">
        失効は取り消せません（certificateHold は使いません）。OCSP と CRL に反映されます。
        <br />
        Revocation is final (certificateHold is never used). OCSP and CRLs will report it.
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={busy} />
        確認しました / I understand this cannot be undone
      </label>

      {problem !== null && <ProblemBox problem={problem} />}

      <div className="modal-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={busy}>
          キャンセル / Cancel
        </button>
        <button type="button" className="btn btn-danger" disabled={reason === null || !confirmed || busy} onClick={() => void submit()}>
          {busy ? "失効中… / Revoking…" : "失効 / Revoke"}
        </button>
      </div>
    </Modal>
  );
}
