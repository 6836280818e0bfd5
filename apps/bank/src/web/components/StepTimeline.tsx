/**
 * The walkthrough (DESIGN.md "Beyond the slide"): each step of a journey as it ran, numbered as on the slide
 * (①–⑧, ①'–⑥'), who talked to whom, every check with its outcome and what it found, and the message that crossed
 * (decoded, as an ASN.1 tree, or as base64).
 */
import { Badge, LabelBadge, derKindOf, formatJst, lookup } from "@jpki-sandbox/web-kit";
import { useId, useMemo, useState } from "react";
import type { CheckView, StepView } from "../../shared/api-types";
import { decodeBase64, describeMessage, formatBytes, messageFileName, wrapBase64 } from "../lib/format";
import { STEP_OUTCOMES } from "../lib/labels";
import { DecodedMessage, MessageTree } from "./MessageViews";

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

type MessageView = "decoded" | "asn1" | "base64";

const VIEW_WORDS: Record<MessageView, string> = { decoded: "解析 / Decoded", asn1: "ASN.1", base64: "base64" };

/** Copies text to the clipboard where the browser allows it (http on 127.0.0.1 does). */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  if (typeof navigator === "undefined" || navigator.clipboard === undefined) return null;
  return (
    <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}>
      {copied ? "コピーしました / Copied" : "base64 をコピー / Copy base64"}
    </button>
  );
}

/**
 * A message of the walkthrough. DER (CMS, OCSP request/response): decoded in words, as an ASN.1 tree, or as
 * base64 to copy or download; JSON pretty-printed; text as it is. `open` shows a view from the start.
 */
export function StepMessage({ message, testId, open }: { message: NonNullable<StepView["message"]>; testId?: string; open?: MessageView }) {
  const body = describeMessage(message.contentType, message.body);
  const base64 = body.kind === "binary" ? body.base64 : null;
  const bytes = useMemo(() => (base64 === null ? null : decodeBase64(base64)), [base64]);
  const kind = body.kind === "binary" && body.der ? derKindOf(message.contentType) : undefined;
  const available: MessageView[] = body.kind !== "binary" ? [] : kind !== undefined ? ["decoded", "asn1", "base64"] : body.der ? ["asn1", "base64"] : ["base64"];
  const [view, setView] = useState<MessageView | null>(open !== undefined && available.includes(open) ? open : null);
  const panelId = useId();
  if (body.kind !== "binary" || bytes === null) {
    return (
      <div className="message" data-testid={testId}>
        <div className="message-head">
          <span className="message-label">✉ {message.label}</span>
          <code className="message-type">{message.contentType}</code>
        </div>
        {body.kind !== "binary" && (
          <details className="message-details" open={open !== undefined}>
            <summary>
              内容を表示 / Show content ({body.text.length.toLocaleString("en")} characters)
            </summary>
            <pre className={`message-body mono${body.kind === "json" ? " message-json" : ""}`}>{body.text}</pre>
          </details>
        )}
      </div>
    );
  }
  const fileName = messageFileName(message.label, message.contentType);
  return (
    <div className="message" data-testid={testId}>
      <div className="message-head">
        <span className="message-label">✉ {message.label}</span>
        <code className="message-type">{message.contentType}</code>
        <span className="message-size" data-testid={testId === undefined ? undefined : `${testId}-size`}>
          {body.size.toLocaleString("en")} bytes ({formatBytes(body.size)})
        </span>
        {body.der && <Badge tone="neutral">DER</Badge>}
      </div>
      <code className="hex message-preview" title="先頭のバイト / first bytes">
        {body.preview}
      </code>
      <div className="message-views" role="group" aria-label={`${message.label}: 表示 / view`}>
        {available.map((v) => (
          <button
            key={v}
            type="button"
            className={`message-view-btn${view === v ? " active" : ""}`}
            aria-pressed={view === v}
            aria-controls={panelId}
            data-testid={testId === undefined ? undefined : `${testId}-view-${v}`}
            onClick={() => setView(view === v ? null : v)}
          >
            {VIEW_WORDS[v]}
          </button>
        ))}
      </div>
      {view !== null && (
        <div className="message-panel" id={panelId}>
          {view === "decoded" && <DecodedMessage contentType={message.contentType} base64={body.base64} />}
          {view === "asn1" && <MessageTree der={bytes} label={message.label} />}
          {view === "base64" && (
            <>
              <pre className="message-body mono">{wrapBase64(body.base64)}</pre>
              <div className="message-actions">
                <CopyButton text={body.base64} />
                <a className="small" href={`data:application/octet-stream;base64,${body.base64}`} download={fileName}>
                  ダウンロード / Download {fileName}
                </a>
                <span className="small muted">openssl asn1parse -inform DER -in {fileName}</span>
              </div>
            </>
          )}
        </div>
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
