/**
 * The walkthrough (DESIGN.md "Beyond the slide"): each step of a journey as it ran, numbered as on the slide
 * (①–⑧, ①'–⑥'), who talked to whom, every check with its outcome and what it found, and the message that crossed.
 */
import { Badge, LabelBadge, formatJst, lookup } from "@jpki-sandbox/web-kit";
import type { CheckView, StepView } from "../../shared/api-types";
import { describeMessage, formatBytes, messageFileName, wrapBase64 } from "../lib/format";
import { STEP_OUTCOMES } from "../lib/labels";

const CHECK_ICONS: Record<string, string> = { passed: "✓", failed: "✗", skipped: "–" };

function Check({ check }: { check: CheckView }) {
  return (
    <li className={`check check-${check.outcome}`}>
      <span className="check-icon" aria-label={lookup(STEP_OUTCOMES, check.outcome).en}>
        {CHECK_ICONS[check.outcome] ?? "?"}
      </span>
      <span className="check-body">
        <span className="check-name">{check.name}</span>
        {check.detail !== undefined && check.detail !== "" && <span className="check-detail">{check.detail}</span>}
      </span>
    </li>
  );
}

/** A message of the walkthrough: JSON or text as it is, base64 DER with its size, first bytes and a download. */
export function StepMessage({ message, testId }: { message: NonNullable<StepView["message"]>; testId?: string }) {
  const body = describeMessage(message.contentType, message.body);
  return (
    <div className="message" data-testid={testId}>
      <div className="message-head">
        <span className="message-label">✉ {message.label}</span>
        <code className="message-type">{message.contentType}</code>
        {body.kind === "binary" && (
          <>
            <span className="message-size" data-testid={testId === undefined ? undefined : `${testId}-size`}>
              {body.size.toLocaleString("en")} bytes ({formatBytes(body.size)})
            </span>
            {body.der && <Badge tone="neutral">DER</Badge>}
          </>
        )}
      </div>
      {body.kind === "binary" ? (
        <>
          <code className="hex message-preview" title="先頭のバイト / first bytes">
            {body.preview}
          </code>
          <details className="message-details">
            <summary>
              base64 を表示 / Show base64 ({body.size.toLocaleString("en")} bytes)
            </summary>
            <pre className="message-body mono">{wrapBase64(body.base64)}</pre>
            <a className="small" href={`data:application/octet-stream;base64,${body.base64}`} download={messageFileName(message.label, message.contentType)}>
              ダウンロード / Download {messageFileName(message.label, message.contentType)}
            </a>
            <span className="small muted"> — openssl asn1parse -inform DER -in {messageFileName(message.label, message.contentType)}</span>
          </details>
        </>
      ) : (
        <details className="message-details">
          <summary>
            内容を表示 / Show content ({body.text.length.toLocaleString("en")} characters)
          </summary>
          <pre className="message-body mono">{body.text}</pre>
        </details>
      )}
    </div>
  );
}

export function StepTimeline({ steps }: { steps: readonly StepView[] }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {steps.map((step, i) => {
        const outcome = lookup(STEP_OUTCOMES, step.outcome);
        return (
          <li key={`${step.key}-${i}`} className={`step step-${step.outcome}${step.number === "" ? " step-unnumbered" : ""}`} data-testid={`step-${step.key}`} data-number={step.number}>
            <div className="step-marker" aria-hidden={step.number === ""}>
              {step.number === "" ? "•" : step.number}
            </div>
            <div className="step-body">
              <div className="step-head">
                <h3 className="step-title">
                  {step.number !== "" && <span className="visually-hidden">{step.number} </span>}
                  {step.titleJa} <span className="h-en">/ {step.titleEn}</span>
                </h3>
                <LabelBadge l={outcome} testId={`step-outcome-${step.key}`} slash />
              </div>
              <div className="step-meta">
                <span className="step-actors">{step.actors}</span>
                {step.at !== null && <span className="muted"> · {formatJst(step.at)}</span>}
              </div>
              {step.checks.length > 0 && (
                <ul className="checks">
                  {step.checks.map((c, n) => (
                    <Check key={n} check={c} />
                  ))}
                </ul>
              )}
              {step.message !== undefined && <StepMessage message={step.message} testId={`message-${step.key}`} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
