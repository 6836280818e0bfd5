/** The portal's own small pieces (the ones both UIs share are web-kit's: Bi, Badge, ProblemBox, Table…). */
import type { ReactNode } from "react";
import { Link } from "react-router";

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
