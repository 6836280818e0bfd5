/** Why a journey was refused: the stable code, the words, the fields that differ, and what to do about it. */
import type { RejectionView } from "../../shared/api-types";
import { REJECTION_ADVICE } from "../lib/journey";
import { ATTRIBUTE_FIELDS, revocationReasonText } from "../lib/labels";

export function RejectionPanel({ rejection }: { rejection: RejectionView }) {
  const advice = REJECTION_ADVICE[rejection.code];
  return (
    <section className="rejection" role="alert" data-testid="rejection">
      <div className="rejection-head">
        <span className="rejection-icon" aria-hidden="true">
          ✗
        </span>
        <div>
          <div className="rejection-title">
            {rejection.titleJa} <span className="rejection-title-en">/ {rejection.title}</span>
          </div>
          <code className="problem-code" data-testid="rejection-code">
            {rejection.code}
          </code>
        </div>
      </div>
      <p className="rejection-detail">{rejection.detail}</p>
      {rejection.fields !== undefined && rejection.fields.length > 0 && (
        <div className="rejection-fields" data-testid="rejection-fields">
          <span className="small">一致しない項目 / Fields that differ:</span>{" "}
          {rejection.fields.map((f) => (
            <span key={f} className="field-chip">
              {ATTRIBUTE_FIELDS[f]?.ja ?? f} / {ATTRIBUTE_FIELDS[f]?.en ?? f}
            </span>
          ))}
        </div>
      )}
      {rejection.revocationReason !== undefined && (
        <p className="small" data-testid="rejection-reason">
          失効理由 / Revocation reason: <strong>{revocationReasonText(rejection.revocationReason)}</strong>
        </p>
      )}
      {advice !== undefined && (
        <p className="rejection-advice">
          {advice.ja}
          <br />
          <span className="muted">{advice.en}</span>
        </p>
      )}
    </section>
  );
}
