/** Small presentational pieces every sandbox UI shares; their classes are styled by styles.css. */
import type { ComponentType, ReactNode } from "react";
import type { Label, Tone } from "./labels.js";
import type { ApiProblem, FieldIssue } from "./problem.js";
import type { Resource } from "./useResource.js";

/** Japanese first, English beside it, as DESIGN.md asks: "失効 / Revoke". */
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

/**
 * A label as a badge in its tone: "有効 Active", the English muted beside the Japanese; `slash` writes
 * "有効 / Active" (the portal's way).
 */
export function LabelBadge({ l, title, testId, slash = false }: { l: Label; title?: string; testId?: string; slash?: boolean }) {
  return (
    <Badge tone={l.tone} {...(title === undefined ? {} : { title })} {...(testId === undefined ? {} : { testId })}>
      {l.ja} <span className="badge-en">{slash ? `/ ${l.en}` : l.en}</span>
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
 * An RFC 9457 problem as a person sees it: title, detail, the stable code, and the field issues that no
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

/**
 * What a page shows for a useResource() result: a spinner, the problem with 再試行 / Retry, or children(data).
 * `inCard` pads the problem for a flush card (one whose table runs to its edges).
 */
export function ResourceView<T>({
  resource,
  onRetry,
  inCard = false,
  what,
  children,
}: {
  resource: Resource<T>;
  onRetry: () => void;
  inCard?: boolean;
  /** What is loading, for the spinner's text. */
  what?: string;
  children: (data: T) => ReactNode;
}) {
  switch (resource.status) {
    case "loading":
      return <Loading {...(what === undefined ? {} : { what })} />;
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

/**
 * The router's link (react-router's `Link`), handed in by the app: web-kit knows no router. Anything that takes
 * `to` and renders an <a> will do.
 */
export type LinkComponent = ComponentType<{ to: string; className?: string; children?: ReactNode }>;

/** Where the page is: a breadcrumb trail of links, the last entry the page itself. */
export function Crumbs({ trail, Link }: { trail: ReadonlyArray<{ to?: string; ja: string; en: string }>; Link: LinkComponent }) {
  return (
    <nav className="crumbs" aria-label="現在地 / You are here">
      {trail.map((c, i) => (
        <span key={`${c.ja}-${i}`}>
          {i > 0 && (
            <span className="crumb-sep" aria-hidden="true">
              ›
            </span>
          )}
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
    <nav className="next-steps" aria-label="次へ / Next" data-testid="next-steps">
      <span className="next-label">次へ / Next:</span>
      {children}
    </nav>
  );
}

/**
 * ページが見つかりません / Not found: an unknown path, or a thing the server does not know (`what` says which).
 * `children` are the app's <li> entries to start from; the trail and the footer link go home.
 */
export function NotFoundPage({ pathname, what, Link, children }: { pathname: string; what?: string | undefined; Link: LinkComponent; children: ReactNode }) {
  return (
    <>
      <Crumbs Link={Link} trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "見つかりません", en: "Not found" }]} />
      <PageHeader ja="ページが見つかりません" en="Page not found" lead={what ?? `このアドレスにはページがありません / Nothing lives at ${pathname}`} />
      <section className="card" data-testid="not-found">
        <p>
          <code>{pathname}</code>
        </p>
        <p>次のどれかから始めてください / Start from one of these:</p>
        <ul className="link-list">{children}</ul>
      </section>
      <NextSteps>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
