/**
 * A journey of this browser inside the walkthrough: its status, a link to its page, and every message that
 * crossed (CMS, OCSP request and response, the linkage call), decoded, with the ASN.1 a click away.
 */
import { formatJst, LabelBadge, lookup } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import type { JourneyView } from "../../../shared/api-types";
import { JOURNEY_STATUSES } from "../../lib/labels";
import { StepMessage } from "../StepTimeline";

export function JourneyMessages({ journey, testId }: { journey: JourneyView; testId: string }) {
  const withMessages = journey.steps.filter((s) => s.message !== undefined);
  return (
    <div className="wt-journey" data-testid={testId}>
      <div className="wt-journey-head">
        <LabelBadge l={lookup(JOURNEY_STATUSES, journey.status)} slash testId={`${testId}-status`} />
        <span className="small muted">{formatJst(journey.createdAt)}</span>
        {journey.rejection !== undefined && (
          <span className="small wt-rejection">
            {journey.rejection.code}: {journey.rejection.titleJa} / {journey.rejection.title}
          </span>
        )}
        <Link to={`/journeys/${encodeURIComponent(journey.id)}`} className="wt-journey-link" data-testid={`${testId}-link`}>
          手続きの記録を見る / Open the journey's page →
        </Link>
      </div>
      {withMessages.length === 0 ? (
        <p className="muted small">まだメッセージはありません / No message has crossed yet.</p>
      ) : (
        <ol className="wt-messages">
          {withMessages.map((step, i) => (
            <li key={`${step.key}-${i}`} className="wt-message">
              <div className="wt-message-step">
                <span className="wt-message-num">{step.number === "" ? "•" : step.number}</span> {step.titleJa} <span className="muted">/ {step.titleEn}</span>
                <span className="small muted"> · {step.actors}</span>
              </div>
              <StepMessage message={step.message!} testId={`${testId}-${step.key}`} open={/ocsp|pkcs7/.test(step.message!.contentType) ? "decoded" : "base64"} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
