/** Small presentational pieces shared by every page. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Label, Tone } from "../lib/labels";
import type { ApiProblem, FieldIssue } from "../lib/problem";
import type { Resource } from "./useResource";

/** Japanese first, English beside it, as DESIGN.md asks: "口座開設 / Open account". */
export function Bi({ ja, en }: { ja: string; en: string }) {
  return (
    <span className="bi">
      <span className="bi-ja">{ja}</span>
      <span className="bi-en"> / {en}</span>
    </span>
  );
}

export function Badge({ tone = "neutral", children, title, testId }: { tone?: Tone; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

export function LabelBadge({ l, title, testId }: { l: Label; title?: string; testId?: string }) {
  return (
    <Badge tone={l.tone} {...(title === undefined ? {} : { title })} {...(testId === undefined ? {} : { testId })}>
      {l.ja} <span className="badge-en">/ {l.en}</span>
    </Badge>
  );
}

/** Where the page is: a breadcrumb trail of links, the last entry the page itself. */
export function Crumbs({ trail }: { trail: ReadonlyArray<{ to?: string; ja: string; en: string }> }) {
  return (
    <nav className="crumbs" aria-label="現在地 / You are here">
      {trail.map((c, i) => (
        <span key={`${c.ja}-${i}`}>
          {i > 0 && <span className="crumb-sep" aria-hidden="true">›</span>}
          {c.to === undefined ? (
            <span aria-current="page">
              {c.ja} <span className="muted">/ {c.en}</span>
            </span>
          ) : (
            <Link to={c.to}>
              {c.ja} <span className="muted">/ {c.en}</span>
            </Link>
          )}
        </span>
      ))}
    </nav>
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

/**
 * An RFC 9457 problem as the citizen sees it: title, detail, the stable code, and the field issues that no
 * field on the form shows. `children` add what to do next (a link to the PIN reset…).
 */
export function ProblemBox({
  problem,
  issues = [],
  onRetry,
  onDismiss,
  children,
}: {
  problem: ApiProblem;
  issues?: readonly FieldIssue[];
  onRetry?: () => void;
  onDismiss?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="problem" role="alert" data-testid="problem">
      <div className="problem-head">
        <strong className="problem-title">{problem.title}</strong>
        <code className="problem-code">{problem.code}</code>
        {problem.status > 0 && <span className="problem-status">HTTP {problem.status}</span>}
      </div>
      {problem.detail !== undefined && <p className="problem-detail">{problem.detail}</p>}
      {issues.length > 0 && (
        <ul className="problem-issues">
          {issues.map((i, n) => (
            <li key={n}>
              {i.path !== "" && <code>{i.path}</code>} {i.message}
            </li>
          ))}
        </ul>
      )}
      {children !== undefined && <div className="problem-extra">{children}</div>}
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

/** What a page shows for a useResource() result: a spinner, the problem with 再試行 / Retry, or children(data). */
export function ResourceView<T>({
  resource,
  onRetry,
  children,
  what,
}: {
  resource: Resource<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
  what?: string;
}) {
  switch (resource.status) {
    case "loading":
      return <Loading {...(what === undefined ? {} : { what })} />;
    case "error":
      return <ProblemBox problem={resource.problem} onRetry={onRetry} />;
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

export function Notice({ tone = "good", children, onDismiss, testId }: { tone?: Tone; children: ReactNode; onDismiss?: () => void; testId?: string }) {
  return (
    <div className={`notice notice-${tone}`} role="status" data-testid={testId}>
      <div>{children}</div>
      {onDismiss !== undefined && (
        <button type="button" className="notice-close" aria-label="閉じる / Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** A button that shows a spinner and its busy text while an action runs, and cannot be pressed twice. */
export function SubmitButton({
  busy,
  disabled,
  children,
  busyText,
  className = "btn btn-primary",
  testId,
  type = "submit",
  onClick,
}: {
  busy: boolean;
  disabled?: boolean;
  children: ReactNode;
  busyText: ReactNode;
  className?: string;
  testId?: string;
  type?: "submit" | "button";
  onClick?: () => void;
}) {
  return (
    <button type={type} className={className} disabled={busy || disabled === true} aria-busy={busy} data-testid={testId} onClick={onClick}>
      {busy ? (
        <>
          <span className="spinner spinner-light" aria-hidden="true" /> {busyText}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** "Next step" links at the foot of a page: no page is a dead end. */
export function NextSteps({ children }: { children: ReactNode }) {
  return (
    <nav className="next-steps" aria-label="次へ / Next">
      <span className="next-label">次へ / Next:</span>
      {children}
    </nav>
  );
}
