/** Small presentational pieces shared by every page. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Label, Tone } from "../lib/labels";
import type { ApiProblem } from "../lib/problem";
import type { Resource } from "./useResource";

/** Japanese first, English beside it, as DESIGN.md asks: "失効 / Revoke". */
export function Bi({ ja, en }: { ja: string; en: string }) {
  return (
    <span className="bi">
      <span className="bi-ja">{ja}</span>
      <span className="bi-en"> / {en}</span>
    </span>
  );
}

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function LabelBadge({ l, title }: { l: Label; title?: string }) {
  return (
    <Badge tone={l.tone} {...(title === undefined ? {} : { title })}>
      {l.ja} <span className="badge-en">{l.en}</span>
    </Badge>
  );
}

export function PageHeader({ ja, en, children, lead }: { ja: string; en: string; children?: ReactNode; lead?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>
          {ja} <span className="h-en">/ {en}</span>
        </h1>
        {lead !== undefined && <p className="lead">{lead}</p>}
      </div>
      {children !== undefined && <div className="page-actions">{children}</div>}
    </header>
  );
}

/** The 更新 / Refresh button every page puts in its header. */
export function RefreshButton({ onClick, disabled }: { onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="btn" onClick={onClick} disabled={disabled}>
      更新 / Refresh
    </button>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      読み込み中… / Loading{what === undefined ? "" : ` ${what}`}…
    </div>
  );
}

export function Empty({ ja, en, children }: { ja: string; en: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <div className="state-title">
        <Bi ja={ja} en={en} />
      </div>
      {children}
    </div>
  );
}

/** An RFC 9457 problem as the operator sees it: title, detail and the stable code. */
export function ProblemBox({ problem, onRetry, onDismiss }: { problem: ApiProblem; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <div className="problem" role="alert">
      <div className="problem-head">
        <strong className="problem-title">{problem.title}</strong>
        <code className="problem-code">{problem.code}</code>
        {problem.status > 0 && <span className="problem-status">HTTP {problem.status}</span>}
      </div>
      {problem.detail !== undefined && <p className="problem-detail">{problem.detail}</p>}
      {(onRetry !== undefined || onDismiss !== undefined) && (
        <div className="problem-actions">
          {onRetry !== undefined && (
            <button type="button" className="btn btn-small" onClick={onRetry}>
              再試行 / Retry
            </button>
          )}
          {onDismiss !== undefined && (
            <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>
              閉じる / Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * What a page shows for a useResource() result: a spinner, the problem with 再試行 / Retry, or children(data).
 * `inCard` pads the problem for a flush card (one whose table runs to its edges).
 */
export function ResourceView<T>({
  resource,
  onRetry,
  inCard = false,
  children,
}: {
  resource: Resource<T>;
  onRetry: () => void;
  inCard?: boolean;
  children: (data: T) => ReactNode;
}) {
  switch (resource.status) {
    case "loading":
      return <Loading />;
    case "error": {
      const box = <ProblemBox problem={resource.problem} onRetry={onRetry} />;
      return inCard ? <div className="card-pad">{box}</div> : box;
    }
    case "ready":
      return children(resource.data);
  }
}

/** A data table that scrolls sideways when narrow: header cells (<th>) in `head`, rows (<tr>) as children. */
export function Table({ head, dense = false, children }: { head: ReactNode; dense?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={dense ? "table table-dense" : "table"}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The search box of a table's toolbar. */
export function SearchInput({ placeholder, value, onChange }: { placeholder: string; value: string; onChange: (text: string) => void }) {
  return <input type="search" className="input" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** A fieldset of radio choices, each with its bilingual title, its code and a line of help. */
export function RadioChoices<V extends string>({
  legend,
  name,
  values,
  labels,
  help,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  labels: Record<V, Pick<Label, "ja" | "en">>;
  help: (v: V) => ReactNode;
  value: V | null;
  onChange: (v: V) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className={value === v ? "choice selected" : "choice"}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} disabled={disabled} />
          <span>
            <span className="choice-title">
              {labels[v].ja} / {labels[v].en} <code className="muted">{v}</code>
            </span>
            <span className="choice-help">{help(v)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Notice({ tone = "good", children, onDismiss }: { tone?: Tone; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      <div>{children}</div>
      {onDismiss !== undefined && (
        <button type="button" className="notice-close" aria-label="閉じる / Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** Copies a value to the clipboard, falling back to selecting it for ⌘C / Ctrl+C when that is refused. */
export function CopyButton({ value, targetId }: { value: string; targetId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      if (targetId !== undefined) {
        const el = document.getElementById(targetId);
        const selection = window.getSelection();
        if (el !== null && selection !== null) {
          const range = document.createRange();
          range.selectNodeContents(el);
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()}>
      {state === "copied" ? "コピーしました / Copied" : state === "failed" ? "選択済み、⌘C で / Selected, press ⌘C" : "コピー / Copy"}
    </button>
  );
}

export function Modal({ title, children, onClose }: { title: ReactNode; children: ReactNode; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="modal" role="dialog" aria-modal="true" tabIndex={-1} ref={dialog}>
        <div className="modal-title">{title}</div>
        {children}
      </div>
    </div>
  );
}
